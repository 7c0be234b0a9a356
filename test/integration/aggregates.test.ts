import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/flows/messages';
import { BallotReportService } from '../../src/services/ballot-report.service';
import { ElectionService, type Election } from '../../src/services/election.service';
import { GeographyImportService } from '../../src/services/geography-import.service';
import { OfficialImportService } from '../../src/services/official-import.service';
import { choiceFigureKey } from '../../src/services/official-results-csv';
import { SummaryService, type AreaSummary } from '../../src/services/summary.service';
import { VoterTallyService, votersBlock } from '../../src/services/voter-tally.service';
import type { DatabaseHandle } from '../../src/store/database';
import type { BallotStatus } from '../../src/store/tables/ballots.tables';
import { testDatabases } from '../support/test-databases';
import { writeTinyElection, type TinyElectionFiles } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

/**
 * The summary and results read precomputed per-area aggregates (area_stats, official_tallies,
 * voter_coverage, voter_tallies). After every kind of change — official imports that replace
 * figures or drop a line, votes corrected across precincts, spam verdicts, deletions, a precinct
 * moved to another district — they must equal a from-scratch recomputation over the raw rows.
 */

const SECRET = 'aggregates-secret-0123456789abcdef0123456789';
const HEADER_ALL = 'uik,registered,took_part,invalid,ak_zhol,nur_otan,adal,auyl,npk';
const MAPPING_ALL = {
  precinct: 'uik',
  lines: { '1': 'registered', '4': 'took_part', '7': 'invalid' },
  choices: {
    'ak-zhol': 'ak_zhol',
    'nur-otan': 'nur_otan',
    adal: 'adal',
    auyl: 'auyl',
    'peoples-party': 'npk',
  },
};
// A second source without the invalid-ballots line: precincts it replaces stop reporting line 7.
const HEADER_NO_INVALID = 'uik,registered,took_part,ak_zhol,nur_otan,adal,auyl,npk';
const MAPPING_NO_INVALID = { ...MAPPING_ALL, lines: { '1': 'registered', '4': 'took_part' } };
const AREAS = [undefined, 'r1', 'r2', 'r1-d1', 'r1-d2', 'r2-d1', 'p1', 'p2', 'p3', 'p4', 'p5'];

describe.each(testDatabases())('per-area aggregates on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let tiny: TinyElectionFiles;
  let election: Election;
  let summaries: SummaryService;
  let official: OfficialImportService;
  let ballots: BallotReportService;
  let nextMediaId = 1;

  beforeAll(async () => {
    handle = await open();
    const elections = new ElectionService(handle.db);
    tiny = await writeTinyElection();
    election = (await elections.loadFile(tiny.electionFile)).election;
    summaries = new SummaryService(handle.db, elections);
    official = new OfficialImportService(handle.db, elections);
    ballots = new BallotReportService(SECRET, { request: async () => nextMediaId++ });
    await new GeographyImportService(handle.db, elections).importFile(
      TEST_ACTOR,
      tiny.slug,
      await tiny.write(
        'geo-p6.csv',
        'level,code,parent,number,name_kk,name_ru,name_en,registered_voters\nprecinct,p6,r2-d1,203,У,У,P,600\n',
      ),
    );
  });
  afterAll(async () => handle?.close());

  /** The geography and official figures of an area, summed from `areas` and `official_results`. */
  async function recomputedFigures(areaCode: string | undefined) {
    const within = areaCode ? sql`and a.path @> array[${areaCode}]::text[]` : sql``;
    const precincts = await sql<{ registered_voters: number | null; figures: Record<string, number> | null }>`
      select a.registered_voters, o.figures
      from areas a left join official_results o on o.election_id = a.election_id and o.precinct_code = a.code
      where a.election_id = ${election.id} and a.level = 'precinct' ${within}`.execute(handle.db);
    const reported = precincts.rows.filter((row) => row.figures !== null);
    const figures: Record<string, number> = {};
    for (const row of reported) {
      for (const [key, value] of Object.entries(row.figures!)) figures[key] = (figures[key] ?? 0) + value;
    }
    const { roles } = election.definition.protocol;
    const line = (n: number | undefined) => (n === undefined ? null : (figures[String(n)] ?? null));
    return {
      precincts: precincts.rows.length,
      registeredVoters: precincts.rows.reduce((sum, row) => sum + (row.registered_voters ?? 0), 0),
      official:
        reported.length === 0
          ? null
          : {
              precinctsReported: reported.length,
              registeredVoters: line(roles.registeredVoters),
              ballotsCast: line(roles.ballotsCast),
              invalidBallots: line(roles.invalidBallots),
              votes: election.definition.choices.map(
                (choice) => figures[choiceFigureKey(election.definition, choice.id)] ?? 0,
              ),
            },
    };
  }

  /** The voters' block of an area, counted from `ballot_reports` themselves. */
  async function recomputedVoters(areaCode: string | undefined) {
    const within = areaCode ? sql`and a.path @> array[${areaCode}]::text[]` : sql``;
    const reports = await sql<{
      precinct_code: string;
      choice_id: string;
      status: BallotStatus;
      delayed: boolean;
    }>`
      select r.precinct_code, r.choice_id, r.status, r.delayed
      from ballot_reports r join areas a on a.election_id = r.election_id and a.code = r.precinct_code
      where r.election_id = ${election.id} ${within}`.execute(handle.db);
    const cells = new Map<
      string,
      { choiceId: string; status: BallotStatus; delayed: boolean; count: number }
    >();
    for (const r of reports.rows) {
      const key = `${r.choice_id}|${r.status}|${r.delayed}`;
      const cell = cells.get(key) ?? {
        choiceId: r.choice_id,
        status: r.status,
        delayed: r.delayed,
        count: 0,
      };
      cell.count += 1;
      cells.set(key, cell);
    }
    const covered = new Set(reports.rows.filter((r) => r.status !== 'spam').map((r) => r.precinct_code));
    return votersBlock([...cells.values()], election.definition, covered.size);
  }

  function officialOf(summary: AreaSummary) {
    const block = summary.official;
    return (
      block && {
        precinctsReported: block.precinctsReported,
        registeredVoters: block.registeredVoters,
        ballotsCast: block.ballotsCast,
        invalidBallots: block.invalidBallots,
        votes: block.choices.map((choice) => choice.votes),
      }
    );
  }

  async function expectFiguresExact(): Promise<void> {
    for (const areaCode of AREAS) {
      const summary = await summaries.summary(tiny.slug, areaCode);
      const expected = await recomputedFigures(areaCode);
      expect({
        area: areaCode,
        precincts: summary.precincts,
        registeredVoters: summary.registeredVoters,
      }).toEqual({
        area: areaCode,
        precincts: expected.precincts,
        registeredVoters: expected.registeredVoters,
      });
      expect({ area: areaCode, official: officialOf(summary) }).toEqual({
        area: areaCode,
        official: expected.official,
      });
    }
  }

  async function expectVotersExact(): Promise<void> {
    for (const areaCode of AREAS) {
      const summary = await summaries.summary(tiny.slug, areaCode);
      expect({ area: areaCode, voters: summary.voters }).toEqual({
        area: areaCode,
        voters: await recomputedVoters(areaCode),
      });
    }
    const tallies = new VoterTallyService(handle.db);
    for (const [level, within] of [
      ['region', undefined],
      ['district', undefined],
      ['district', 'r1'],
      ['precinct', 'r2'],
    ] as const) {
      for (const row of await tallies.results(election.id, election.definition, level, within)) {
        expect({ area: row.code, voters: row.voters }).toEqual({
          area: row.code,
          voters: await recomputedVoters(row.code),
        });
      }
    }
  }

  async function importOfficial(header: string, mapping: object, lines: string[]): Promise<void> {
    const csv = await tiny.write('official.csv', [header, ...lines].join('\n'));
    await official.importFile(
      TEST_ACTOR,
      tiny.slug,
      csv,
      await tiny.write('mapping.json', JSON.stringify(mapping)),
    );
  }

  it('keeps official totals exact through imports that replace figures and drop a line', async () => {
    await expectFiguresExact();
    await importOfficial(HEADER_ALL, MAPPING_ALL, [
      'p1,1000,600,10,100,400,50,20,20',
      'p2,2000,900,0,200,600,50,25,25',
      'p4,800,500,5,95,300,50,25,25',
    ]);
    await expectFiguresExact();
    expect((await summaries.summary(tiny.slug, 'r1-d2')).official).toBeNull();

    // p2 replaced without line 7, p3 new: r1-d1's invalid ballots are p1's alone, r1-d2 has none.
    await importOfficial(HEADER_NO_INVALID, MAPPING_NO_INVALID, [
      'p2,2000,950,210,610,50,30,25',
      'p3,1500,700,100,500,50,25,25',
    ]);
    await expectFiguresExact();
    expect((await summaries.summary(tiny.slug, 'r1-d1')).official?.invalidBallots).toBe(10);
    expect((await summaries.summary(tiny.slug, 'r1-d2')).official?.invalidBallots).toBeNull();

    await importOfficial(HEADER_ALL, MAPPING_ALL, [
      'p3,1500,710,3,100,510,50,25,25',
      'p2,2000,900,0,200,600,50,25,25',
      'p5,700,400,1,100,200,50,25,24',
    ]);
    await expectFiguresExact();
  });

  it('keeps the voters tally and precinct coverage exact through corrections, verdicts and deletions', async () => {
    // A deterministic walk over every kind of change, checked against the reports after each step.
    const precincts = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const choices = ['ak-zhol', 'nur-otan', 'adal', 'against-all'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const voters = Array.from({ length: 8 }, (_, i) => `voter-${i}`);
    const inbound = (participant: string, at: Date): InboundMessage => ({
      channel: 'telegram',
      bot: 'voter',
      participant,
      sentAt: at,
      receivedAt: at,
      content: { kind: 'text', text: 'confirm' },
    });
    const reportOf = (participant: string) =>
      handle.db.transaction().execute((tx) => ballots.findVote(tx, election.id, tiny.slug, participant));

    for (let step = 0; step < 60; step++) {
      const participant = voters[next(voters.length)]!;
      const action = next(10);
      const at = new Date(Date.UTC(2021, 0, 10, 8, 0, step));
      await handle.db.transaction().execute(async (tx) => {
        const existing = await ballots.findVote(tx, election.id, tiny.slug, participant);
        if (action < 5 || !existing) {
          await ballots.record(tx, {
            electionId: election.id,
            electionSlug: tiny.slug,
            inbound: inbound(participant, at),
            precinctCode: precincts[next(precincts.length)]!,
            choiceId: choices[next(choices.length)]!,
            ...(next(2) === 0 ? { photo: { fileId: `photo-${step}` } } : {}),
            keepRecordedPhoto: next(2) === 0,
            sentAt: at,
            delayed: next(4) === 0,
          });
        } else if (action < 7) {
          const statuses: BallotStatus[] = ['confirmed', 'no_photo', 'pending_review', 'spam'];
          await ballots.setStatus(tx, existing.id, election.id, statuses[next(statuses.length)]!);
        } else if (action < 8 && existing.media_id !== null) {
          await ballots.onPhotoProcessed(tx, {
            id: existing.media_id,
            status: next(2) === 0 ? 'ok' : 'rejected',
          });
        } else {
          await ballots.remove(tx, election.id, tiny.slug, participant);
        }
      });
      if (step % 6 === 5) await expectVotersExact();
    }
    await expectVotersExact();

    // Every vote withdrawn: no precinct stays covered anywhere.
    for (const participant of voters) {
      if (await reportOf(participant)) {
        await handle.db
          .transaction()
          .execute((tx) => ballots.remove(tx, election.id, tiny.slug, participant));
      }
    }
    await expectVotersExact();
    expect((await summaries.summary(tiny.slug)).voters).toMatchObject({ received: 0, precinctsCovered: 0 });
  });

  it('rebuilds the aggregates when a geography import moves a precinct to another district', async () => {
    await handle.db.transaction().execute((tx) =>
      ballots.record(tx, {
        electionId: election.id,
        electionSlug: tiny.slug,
        inbound: {
          channel: 'telegram',
          bot: 'voter',
          participant: 'mover',
          sentAt: new Date('2021-01-10T09:00:00Z'),
          receivedAt: new Date('2021-01-10T09:00:00Z'),
          content: { kind: 'text', text: 'confirm' },
        },
        precinctCode: 'p3',
        choiceId: 'adal',
        keepRecordedPhoto: false,
        sentAt: new Date('2021-01-10T09:00:00Z'),
        delayed: false,
      }),
    );
    await new GeographyImportService(handle.db, new ElectionService(handle.db)).importFile(
      TEST_ACTOR,
      tiny.slug,
      await tiny.write(
        'geo-move.csv',
        'level,code,parent,number,name_kk,name_ru,name_en,registered_voters\nprecinct,p3,r2-d1,103,У,У,P,1600\n',
      ),
    );
    await expectFiguresExact();
    for (const areaCode of AREAS) {
      expect({
        area: areaCode,
        covered: (await summaries.summary(tiny.slug, areaCode)).voters.precinctsCovered,
      }).toEqual({ area: areaCode, covered: (await recomputedVoters(areaCode)).precinctsCovered });
    }
    expect((await summaries.summary(tiny.slug, 'r2')).voters.precinctsCovered).toBe(1);
    expect((await summaries.summary(tiny.slug, 'r1')).voters.precinctsCovered).toBe(0);
  });
});
