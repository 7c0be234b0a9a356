import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import { WHOLE_ELECTION } from './observer-protocols.repository';

/** Official figures summed over the precincts of one area that reported. */
export interface OfficialTotals {
  precincts: number;
  figures: Record<string, number>;
}

/** One precinct's official figures being replaced (`before` absent: its first figures). */
export interface OfficialFiguresChange {
  /** `areas.path` of the precinct: every enclosing area and the precinct itself. */
  path: string[];
  before: Record<string, number> | undefined;
  after: Record<string, number>;
}

interface TallyCell {
  precincts: number;
  figures: Record<string, number>;
  figurePrecincts: Record<string, number>;
}

const BATCH = 500;

/**
 * All I/O for `official_tallies`: the official figures per area at every level (and the whole
 * election), so a summary reads one row instead of summing every precinct's protocol.
 */
export class OfficialTalliesRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** The totals of one area (or the whole election); `precincts: 0` when none reported. */
  async find(electionId: number, areaCode: string = WHOLE_ELECTION): Promise<OfficialTotals> {
    const row = await this.db
      .selectFrom('official_tallies')
      .select(['precincts', 'figures', 'figure_precincts'])
      .where('election_id', '=', electionId)
      .where('area_code', '=', areaCode)
      .executeTakeFirst();
    return row ? totalsOf(row) : { precincts: 0, figures: {} };
  }

  /** The totals of several areas at once (areas without official figures are absent). */
  async findMany(electionId: number, areaCodes: string[]): Promise<Map<string, OfficialTotals>> {
    if (areaCodes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('official_tallies')
      .select(['area_code', 'precincts', 'figures', 'figure_precincts'])
      .where('election_id', '=', electionId)
      .where('area_code', 'in', areaCodes)
      .execute();
    return new Map(rows.map((row) => [row.area_code, totalsOf(row)]));
  }

  /**
   * Moves the tallies of every enclosing area from the precincts' old figures to their new ones:
   * subtract `before`, add `after`. The caller owns the transaction, in which it replaces the
   * precincts' `official_results`, and serializes official imports of the election (a
   * concurrent import of the same precinct would otherwise subtract the same `before` twice).
   */
  async applyChanges(electionId: number, changes: OfficialFiguresChange[]): Promise<void> {
    const deltas = new Map<string, TallyCell>();
    for (const change of changes) {
      for (const areaCode of [...change.path, WHOLE_ELECTION]) {
        let cell = deltas.get(areaCode);
        if (!cell) deltas.set(areaCode, (cell = { precincts: 0, figures: {}, figurePrecincts: {} }));
        if (!change.before) cell.precincts += 1;
        addFigures(cell, change.before ?? {}, -1);
        addFigures(cell, change.after, +1);
      }
    }
    const codes = [...deltas.keys()].sort();
    for (let start = 0; start < codes.length; start += BATCH) {
      const batch = codes.slice(start, start + BATCH);
      const current = await this.db
        .selectFrom('official_tallies')
        .select(['area_code', 'precincts', 'figures', 'figure_precincts'])
        .where('election_id', '=', electionId)
        .where('area_code', 'in', batch)
        .execute();
      const byCode = new Map(current.map((row) => [row.area_code, row]));
      const merged = batch.map((areaCode) => {
        const row = byCode.get(areaCode);
        const cell: TallyCell = {
          precincts: row?.precincts ?? 0,
          figures: { ...(row?.figures ?? {}) },
          figurePrecincts: { ...(row?.figure_precincts ?? {}) },
        };
        const delta = deltas.get(areaCode)!;
        cell.precincts += delta.precincts;
        for (const [key, value] of Object.entries(delta.figures)) {
          cell.figures[key] = (cell.figures[key] ?? 0) + value;
        }
        for (const [key, value] of Object.entries(delta.figurePrecincts)) {
          const reporting = (cell.figurePrecincts[key] ?? 0) + value;
          cell.figurePrecincts[key] = reporting;
          // No precinct reports the line any more: drop it rather than keep a 0 that no one sent.
          if (reporting === 0) {
            delete cell.figurePrecincts[key];
            delete cell.figures[key];
          }
        }
        return {
          election_id: electionId,
          area_code: areaCode,
          precincts: cell.precincts,
          figures: JSON.stringify(cell.figures),
          figure_precincts: JSON.stringify(cell.figurePrecincts),
        };
      });
      await this.db
        .insertInto('official_tallies')
        .values(merged)
        .onConflict((oc) =>
          oc.columns(['election_id', 'area_code']).doUpdateSet((eb) => ({
            precincts: eb.ref('excluded.precincts'),
            figures: eb.ref('excluded.figures'),
            figure_precincts: eb.ref('excluded.figure_precincts'),
          })),
        )
        .execute();
    }
  }

  /**
   * Recomputes every row of the election from `official_results` and the current geography:
   * for a geography import, which may move precincts between areas.
   */
  async rebuild(electionId: number): Promise<void> {
    await this.db.deleteFrom('official_tallies').where('election_id', '=', electionId).execute();
    await sql`
      with per_area as (
        select c.code, o.figures
        from official_results o
        join areas a on a.election_id = o.election_id and a.code = o.precinct_code
        cross join lateral unnest(array_append(a.path, ${WHOLE_ELECTION}::text)) as c(code)
        where o.election_id = ${electionId}
      ), per_key as (
        select code, f.key, sum(f.value::numeric) as total, count(*) as reporting
        from per_area cross join lateral jsonb_each_text(figures) as f(key, value)
        group by 1, 2
      )
      insert into official_tallies (election_id, area_code, precincts, figures, figure_precincts)
      select ${electionId}, p.code, p.precincts, coalesce(k.figures, '{}'::jsonb), coalesce(k.reporting, '{}'::jsonb)
      from (select code, count(*) as precincts from per_area group by 1) p
      left join (
        select code, jsonb_object_agg(key, total) as figures, jsonb_object_agg(key, reporting) as reporting
        from per_key group by 1
      ) k on k.code = p.code`.execute(this.db);
  }
}

function addFigures(cell: TallyCell, figures: Record<string, number>, sign: 1 | -1): void {
  for (const [key, value] of Object.entries(figures)) {
    cell.figures[key] = (cell.figures[key] ?? 0) + sign * value;
    cell.figurePrecincts[key] = (cell.figurePrecincts[key] ?? 0) + sign;
  }
}

function totalsOf(row: {
  precincts: number;
  figures: Record<string, number>;
  figure_precincts: Record<string, number>;
}): OfficialTotals {
  const figures: Record<string, number> = {};
  for (const [key, value] of Object.entries(row.figures)) {
    if ((row.figure_precincts[key] ?? 0) > 0) figures[key] = Number(value);
  }
  return { precincts: row.precincts, figures };
}
