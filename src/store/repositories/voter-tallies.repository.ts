import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { BallotStatus } from '../tables/ballots.tables';

/** A change of one tally cell. */
export interface TallyDelta {
  areaCode: string;
  choiceId: string;
  status: BallotStatus;
  delayed: boolean;
  delta: number;
}

/** One tally cell as read back, summed over whatever the query grouped away. */
export interface TallyCount {
  choiceId: string;
  status: BallotStatus;
  delayed: boolean;
  count: number;
}

export interface AreaTallyCount extends TallyCount {
  areaCode: string;
}

/** All I/O for the voters' tally (`voter_tallies`). */
export class VoterTalliesRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /**
   * Adds the deltas in a fixed order: two transactions that move votes between the same areas
   * then lock rows in the same order and cannot deadlock. A new vote (every delta positive, the
   * common case: one cell per enclosing area) is one multi-row upsert, whose rows are locked in
   * the order given; a move with negative deltas takes one statement per cell.
   */
  async apply(electionId: number, deltas: TallyDelta[]): Promise<void> {
    const merged = new Map<string, TallyDelta>();
    for (const d of deltas) {
      const key = [d.areaCode, d.choiceId, d.status, d.delayed].join('\u0000');
      const existing = merged.get(key);
      merged.set(key, existing ? { ...existing, delta: existing.delta + d.delta } : { ...d });
    }
    const ordered = [...merged.entries()]
      .filter(([, d]) => d.delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => d);
    if (ordered.length > 1 && ordered.every((d) => d.delta > 0)) {
      await this.upsert(electionId, ordered);
      return;
    }
    for (const d of ordered) {
      if (d.delta < 0) {
        // A plain update: the cell exists (the vote being moved put it there), and an upsert's
        // proposed row with a negative count would trip the CHECK before the conflict is seen.
        await this.db
          .updateTable('voter_tallies')
          .set({ count: sql<number>`count + ${d.delta}` })
          .where('election_id', '=', electionId)
          .where('area_code', '=', d.areaCode)
          .where('choice_id', '=', d.choiceId)
          .where('status', '=', d.status)
          .where('delayed', '=', d.delayed)
          .execute();
        continue;
      }
      await this.upsert(electionId, [d]);
    }
  }

  /** Adds positive deltas as one upsert, its rows locked in the order given. */
  private async upsert(electionId: number, deltas: readonly TallyDelta[]): Promise<void> {
    await this.db
      .insertInto('voter_tallies')
      .values(
        deltas.map((d) => ({
          election_id: electionId,
          area_code: d.areaCode,
          choice_id: d.choiceId,
          status: d.status,
          delayed: d.delayed,
          count: d.delta,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'area_code', 'choice_id', 'status', 'delayed'])
          .doUpdateSet({ count: sql<number>`voter_tallies.count + excluded.count` }),
      )
      .execute();
  }

  /** The tally of one area (or, with no area, of the whole election: the sum over the top level). */
  async forArea(electionId: number, areaCode: string | undefined): Promise<TallyCount[]> {
    let query = this.db
      .selectFrom('voter_tallies as t')
      .select((eb) => [
        't.choice_id as choiceId',
        't.status',
        't.delayed',
        eb.fn.sum<number>('t.count').as('count'),
      ])
      .where('t.election_id', '=', electionId)
      .groupBy(['t.choice_id', 't.status', 't.delayed']);
    if (areaCode !== undefined) {
      query = query.where('t.area_code', '=', areaCode);
    } else {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('areas as a')
            .select('a.code')
            .whereRef('a.election_id', '=', 't.election_id')
            .whereRef('a.code', '=', 't.area_code')
            .where('a.depth', '=', 0),
        ),
      );
    }
    const rows = await query.execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** The tally of every area of a level (within `areaCode` when given), one row per cell. */
  async forLevel(electionId: number, level: string, areaCode: string | undefined): Promise<AreaTallyCount[]> {
    const within = areaCode ? sql`and a.path @> array[${areaCode}]::text[]` : sql``;
    const result = await sql<AreaTallyCount>`
      select t.area_code as "areaCode", t.choice_id as "choiceId", t.status, t.delayed, t.count
      from voter_tallies t
      join areas a on a.election_id = t.election_id and a.code = t.area_code
      where t.election_id = ${electionId} and a.level = ${level} and t.count > 0 ${within}`.execute(this.db);
    return result.rows.map((row) => ({ ...row, count: Number(row.count) }));
  }
}

/** An area as the results list shows it. */
export interface ListedArea {
  code: string;
  parentCode: string | null;
  number: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** The areas of one level, within `areaCode` when given, in code order (for `GET …/results`). */
export async function listAreasOfLevel(
  db: Kysely<Database> | Transaction<Database>,
  electionId: number,
  level: string,
  areaCode: string | undefined,
): Promise<ListedArea[]> {
  let query = db
    .selectFrom('areas')
    .select([
      'code',
      'parent_code as parentCode',
      'number',
      'name_kk as nameKk',
      'name_ru as nameRu',
      'name_en as nameEn',
    ])
    .where('election_id', '=', electionId)
    .where('level', '=', level)
    .orderBy('code');
  if (areaCode) query = query.where(sql<boolean>`path @> array[${areaCode}]::text[]`);
  return query.execute();
}
