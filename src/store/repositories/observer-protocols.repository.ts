import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { FigureConflict, ProtocolStatusColumn } from '../tables/observers.tables';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredProtocol {
  id: number;
  observerId: number;
  precinctCode: string;
  figures: Record<string, number>;
  status: ProtocolStatusColumn;
  reasons: string[];
  checks: unknown[];
  pageMediaIds: number[];
  sentAt: Date;
}

export interface MergedRow {
  status: 'accepted' | 'conflict' | 'none';
  figures: Record<string, number>;
  conflicts: FigureConflict[];
  protocolIds: number[];
}

/** What one change adds to (or, negative, removes from) an area's running totals. */
export interface TallyDelta {
  received: number;
  accepted: number;
  rejected: number;
  needsReview: number;
  reasons: Record<string, number>;
  precincts: number;
  figures: Record<string, number>;
}

export interface TallyRow {
  protocolsReceived: number;
  accepted: number;
  rejected: number;
  needsReview: number;
  rejectedReasons: Record<string, number>;
  precinctsCounted: number;
  figures: Record<string, number>;
}

/** The whole election's row in `observer_tallies`. */
export const WHOLE_ELECTION = '';

/** All I/O for observers' protocols: each submission, each precinct's merge, and the running tallies. */
export class ObserverProtocolsRepository {
  constructor(private readonly db: Db) {}

  private protocolQuery() {
    return this.db
      .selectFrom('observer_protocols')
      .select([
        'id',
        'observer_id',
        'precinct_code',
        'figures',
        'status',
        'reasons',
        'checks',
        'page_media_ids',
        'sent_at',
      ]);
  }

  /** The observer's current protocol for a precinct, locked for the supersede that follows. */
  async currentOf(
    electionId: number,
    observerId: number,
    precinctCode: string,
  ): Promise<StoredProtocol | undefined> {
    const row = await this.protocolQuery()
      .where('election_id', '=', electionId)
      .where('observer_id', '=', observerId)
      .where('precinct_code', '=', precinctCode)
      .where('current', '=', true)
      .forUpdate()
      .executeTakeFirst();
    return row && toProtocol(row);
  }

  async currentAtPrecinct(electionId: number, precinctCode: string): Promise<StoredProtocol[]> {
    const rows = await this.protocolQuery()
      .where('election_id', '=', electionId)
      .where('precinct_code', '=', precinctCode)
      .where('current', '=', true)
      .orderBy('id')
      .execute();
    return rows.map(toProtocol);
  }

  async supersede(id: number): Promise<void> {
    await this.db.updateTable('observer_protocols').set({ current: false }).where('id', '=', id).execute();
  }

  async insert(values: {
    electionId: number;
    precinctCode: string;
    observerId: number;
    figures: Record<string, number>;
    pageMediaIds: number[];
    status: ProtocolStatusColumn;
    checks: unknown[];
    reasons: string[];
    sentAt: Date;
  }): Promise<number> {
    const row = await this.db
      .insertInto('observer_protocols')
      .values({
        election_id: values.electionId,
        precinct_code: values.precinctCode,
        observer_id: values.observerId,
        figures: JSON.stringify(values.figures),
        page_media_ids: JSON.stringify(values.pageMediaIds),
        status: values.status,
        checks: JSON.stringify(values.checks),
        reasons: JSON.stringify(values.reasons),
        current: true,
        sent_at: values.sentAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async merged(electionId: number, precinctCode: string): Promise<MergedRow | undefined> {
    const row = await this.db
      .selectFrom('precinct_protocols')
      .select(['status', 'figures', 'conflicts', 'protocol_ids'])
      .where('election_id', '=', electionId)
      .where('precinct_code', '=', precinctCode)
      .forUpdate()
      .executeTakeFirst();
    return (
      row && {
        status: row.status,
        figures: row.figures,
        conflicts: row.conflicts,
        protocolIds: row.protocol_ids,
      }
    );
  }

  async saveMerged(electionId: number, precinctCode: string, merged: MergedRow): Promise<void> {
    const values = {
      status: merged.status,
      figures: JSON.stringify(merged.figures),
      conflicts: JSON.stringify(merged.conflicts),
      protocol_ids: JSON.stringify(merged.protocolIds),
    };
    await this.db
      .insertInto('precinct_protocols')
      .values({ election_id: electionId, precinct_code: precinctCode, ...values })
      .onConflict((oc) =>
        oc.columns(['election_id', 'precinct_code']).doUpdateSet({ ...values, updated_at: sql<Date>`now()` }),
      )
      .execute();
  }

  /** Precincts whose observers disagree, for the console. */
  async conflicts(electionId: number): Promise<Array<{ precinctCode: string; conflicts: FigureConflict[] }>> {
    const rows = await this.db
      .selectFrom('precinct_protocols')
      .select(['precinct_code', 'conflicts'])
      .where('election_id', '=', electionId)
      .where('status', '=', 'conflict')
      .orderBy('precinct_code')
      .execute();
    return rows.map((row) => ({ precinctCode: row.precinct_code, conflicts: row.conflicts }));
  }

  /**
   * Adds a delta to the running totals of each area (and the whole election). Rows are locked
   * in a fixed order, so two transactions touching the same areas queue instead of deadlocking.
   */
  async applyTallyDelta(electionId: number, areaCodes: string[], delta: TallyDelta): Promise<void> {
    const codes = [...new Set(areaCodes)].sort();
    await this.db
      .insertInto('observer_tallies')
      .values(
        codes.map((code) => ({
          election_id: electionId,
          area_code: code,
          rejected_reasons: '{}',
          figures: '{}',
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    const rows = await this.db
      .selectFrom('observer_tallies')
      .selectAll()
      .where('election_id', '=', electionId)
      .where('area_code', 'in', codes)
      .orderBy('area_code')
      .forUpdate()
      .execute();
    for (const row of rows) {
      await this.db
        .updateTable('observer_tallies')
        .set({
          protocols_received: row.protocols_received + delta.received,
          accepted: row.accepted + delta.accepted,
          rejected: row.rejected + delta.rejected,
          needs_review: row.needs_review + delta.needsReview,
          rejected_reasons: JSON.stringify(addCounts(row.rejected_reasons, delta.reasons)),
          precincts_counted: row.precincts_counted + delta.precincts,
          figures: JSON.stringify(addCounts(row.figures, delta.figures)),
        })
        .where('election_id', '=', electionId)
        .where('area_code', '=', row.area_code)
        .execute();
    }
  }

  async tally(electionId: number, areaCode: string = WHOLE_ELECTION): Promise<TallyRow | undefined> {
    const row = await this.db
      .selectFrom('observer_tallies')
      .selectAll()
      .where('election_id', '=', electionId)
      .where('area_code', '=', areaCode)
      .executeTakeFirst();
    return (
      row && {
        protocolsReceived: row.protocols_received,
        accepted: row.accepted,
        rejected: row.rejected,
        needsReview: row.needs_review,
        rejectedReasons: row.rejected_reasons,
        precinctsCounted: row.precincts_counted,
        figures: row.figures,
      }
    );
  }
}

/** Sums two count maps, dropping keys that fall to zero (so a withdrawn reason disappears). */
function addCounts(base: Record<string, number>, delta: Record<string, number>): Record<string, number> {
  const result = { ...base };
  for (const [key, value] of Object.entries(delta)) {
    const total = (result[key] ?? 0) + value;
    if (total === 0) delete result[key];
    else result[key] = total;
  }
  return result;
}

function toProtocol(row: {
  id: number;
  observer_id: number;
  precinct_code: string;
  figures: Record<string, number>;
  status: ProtocolStatusColumn;
  reasons: string[];
  checks: unknown[];
  page_media_ids: number[];
  sent_at: Date;
}): StoredProtocol {
  return {
    id: row.id,
    observerId: row.observer_id,
    precinctCode: row.precinct_code,
    figures: row.figures,
    status: row.status,
    reasons: row.reasons,
    checks: row.checks,
    pageMediaIds: row.page_media_ids,
    sentAt: row.sent_at,
  };
}
