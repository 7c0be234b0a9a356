import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { App } from '../src/app';
import { OfficialTalliesRepository } from '../src/store/repositories/official-tallies.repository';
import { VoterCoverageRepository } from '../src/store/repositories/voter-coverage.repository';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLUG = 'kz-2021-mazhilis';

/**
 * Loads the demo election (10,061 precincts), official figures for every precinct and `reports`
 * voters' ballot reports with their tally cells. Bulk SQL: the tally cells (one per enclosing
 * area) and the per-area aggregates are the ones the ballot service and the official import
 * would have maintained vote by vote.
 */
export async function seedElectionNight(app: App, reports: number): Promise<{ precincts: number }> {
  const { election } = await app.elections.loadFile(path.join(repoRoot, 'elections', SLUG, 'election.json'));
  const db = app.database.db;
  const leaf = election.definition.geography.levels.at(-1)!.id;
  const choices = election.definition.choices.map((c) => c.id);
  const allChoices = [...choices, ...election.definition.voterOnlyChoices.map((c) => c.id)];

  // Official figures for every precinct: plausible, internally consistent protocols.
  const importId = (
    await db
      .insertInto('imports')
      .values({ election_id: election.id, kind: 'official', source: 'bench', rows: 0 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const choiceFigures = choices.map((id, i) => sql`'6.' || ${id}, (voters * (${5 + i * 7} + (n % 5))) / 100`);
  await sql`
    insert into official_results (election_id, precinct_code, figures, import_id)
    select ${election.id}, code, jsonb_build_object('1', voters, '4', (voters * 63) / 100, '7', n % 7, ${sql.join(choiceFigures)}), ${importId}
    from (select code, coalesce(registered_voters, 1000) as voters, row_number() over (order by code) as n
          from areas where election_id = ${election.id} and level = ${leaf}) p`.execute(db);

  // A million reports spread over the precincts, choices and statuses.
  const precincts = await db
    .selectFrom('areas')
    .select(['code'])
    .where('election_id', '=', election.id)
    .where('level', '=', leaf)
    .orderBy('code')
    .execute();
  await sql`create temporary table bench_precincts as
    select row_number() over (order by code) - 1 as i, code from areas where election_id = ${election.id} and level = ${leaf}`.execute(
    db,
  );
  const statuses = sql`(array['confirmed','confirmed','no_photo','pending_review','spam'])[1 + (g % 5)]`;
  const choiceArray = sql`(array[${sql.join(allChoices)}])[1 + ((g / 7) % ${allChoices.length})]`;
  await sql`
    insert into ballot_reports (election_id, voter_key, precinct_code, choice_id, sent_at, received_at, delayed, status, media_id, signals)
    select ${election.id}, 'bench-' || g, p.code, ${choiceArray}, now(), now(), g % 50 = 0, ${statuses}, null, '{}'::jsonb
    from generate_series(0::bigint, ${reports - 1}) g
    join bench_precincts p on p.i = (g * 7919) % ${precincts.length}`.execute(db);
  await sql`
    insert into voter_tallies (election_id, area_code, choice_id, status, delayed, count)
    select r.election_id, unnest(a.path), r.choice_id, r.status, r.delayed, count(*)
    from ballot_reports r join areas a on a.election_id = r.election_id and a.code = r.precinct_code
    where r.election_id = ${election.id}
    group by 1, 2, 3, 4, 5`.execute(db);
  // The per-area aggregates the official import and the ballot service keep as figures arrive.
  await new OfficialTalliesRepository(db).rebuild(election.id);
  await new VoterCoverageRepository(db).rebuild(election.id, leaf);
  await sql`analyze`.execute(db);
  return { precincts: precincts.length };
}
