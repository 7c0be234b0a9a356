import { sql, type Kysely } from 'kysely';

/**
 * Per-area aggregates for the public summary and results (see tables/aggregates.tables.ts):
 * geography figures, official totals and the voters' precinct coverage, one row per area at
 * every level plus the whole election (`area_code` = ''). Filled from the existing data here;
 * kept up to date afterwards by the imports and the ballot service.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const electionRef = 'elections.id';
  await db.schema
    .createTable('area_stats')
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('precincts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registered_voters', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('area_stats_pk', ['election_id', 'area_code'])
    .execute();
  await db.schema
    .createTable('official_tallies')
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('precincts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('figures', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('figure_precincts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('official_tallies_pk', ['election_id', 'area_code'])
    .execute();
  await db.schema
    .createTable('voter_coverage')
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('precinct_counted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('precincts_covered', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('voter_coverage_pk', ['election_id', 'area_code'])
    .execute();

  // Backfill every election from the data already stored (a frozen copy of the repositories'
  // rebuild queries: migrations must not change when the repositories do).
  const leafPrecincts = sql`
    select a.* from areas a join elections e on e.id = a.election_id
    where a.level = e.definition->'geography'->'levels'->-1->>'id'`;
  await sql`
    insert into area_stats (election_id, area_code, precincts, registered_voters)
    select p.election_id, c.code, count(*), coalesce(sum(p.registered_voters), 0)
    from (${leafPrecincts}) p cross join lateral unnest(array_append(p.path, ''::text)) as c(code)
    group by 1, 2`.execute(db);
  await sql`
    with per_area as (
      select o.election_id, c.code, o.figures
      from official_results o
      join areas a on a.election_id = o.election_id and a.code = o.precinct_code
      cross join lateral unnest(array_append(a.path, ''::text)) as c(code)
    ), per_key as (
      select election_id, code, f.key, sum(f.value::numeric) as total, count(*) as reporting
      from per_area cross join lateral jsonb_each_text(figures) as f(key, value)
      group by 1, 2, 3
    )
    insert into official_tallies (election_id, area_code, precincts, figures, figure_precincts)
    select p.election_id, p.code, p.precincts, coalesce(k.figures, '{}'::jsonb), coalesce(k.reporting, '{}'::jsonb)
    from (select election_id, code, count(*) as precincts from per_area group by 1, 2) p
    left join (
      select election_id, code, jsonb_object_agg(key, total) as figures, jsonb_object_agg(key, reporting) as reporting
      from per_key group by 1, 2
    ) k on k.election_id = p.election_id and k.code = p.code`.execute(db);
  await sql`
    with counted as (
      select t.election_id, t.area_code, sum(t.count) as counted
      from voter_tallies t
      join (${leafPrecincts}) p on p.election_id = t.election_id and p.code = t.area_code
      where t.status <> 'spam'
      group by 1, 2
      having sum(t.count) > 0
    )
    insert into voter_coverage (election_id, area_code, precinct_counted, precincts_covered)
    select c.election_id, a.code, sum(case when a.code = c.area_code then c.counted else 0 end), count(*)
    from counted c
    join areas p on p.election_id = c.election_id and p.code = c.area_code
    cross join lateral unnest(array_append(p.path, ''::text)) as a(code)
    group by 1, 2`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['voter_coverage', 'official_tallies', 'area_stats']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
