import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { ViolationStatus } from '../tables/observers.tables';

type Db = Kysely<Database> | Transaction<Database>;

export interface SosAlertRow {
  id: number;
  observerId: number;
  precinctCode: string | null;
  kind: string | null;
  acknowledged: boolean;
  sentAt: Date;
}

/** All I/O for violation reports and SOS alerts. */
export class ViolationsRepository {
  constructor(private readonly db: Db) {}

  async insertViolation(values: {
    electionId: number;
    precinctCode: string;
    categoryId: string;
    observerId: number;
    text: string;
    mediaIds: number[];
    reportedAt: Date;
  }): Promise<number> {
    const row = await this.db
      .insertInto('violations')
      .values({
        election_id: values.electionId,
        precinct_code: values.precinctCode,
        category_id: values.categoryId,
        observer_id: values.observerId,
        text: values.text,
        media_ids: JSON.stringify(values.mediaIds),
        reported_at: values.reportedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setViolationStatus(id: number, status: ViolationStatus): Promise<void> {
    await this.db.updateTable('violations').set({ status }).where('id', '=', id).execute();
  }

  /** One violation, locked for the moderator's change (console work queue). */
  async findViolationForUpdate(electionId: number, id: number) {
    return this.db
      .selectFrom('violations')
      .select(['id', 'status', 'text', 'precinct_code', 'category_id'])
      .where('election_id', '=', electionId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  /** A moderator's decision: the status and, when publishing, the redacted text the public reads. */
  async moderateViolation(id: number, values: { status: ViolationStatus; text?: string }): Promise<void> {
    await this.db
      .updateTable('violations')
      .set({ status: values.status, ...(values.text !== undefined ? { text: values.text } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** Acknowledges an open alert; returns it as it was, or undefined when there is no such open alert. */
  async acknowledgeOpenSos(electionId: number, id: number): Promise<SosAlertRow | undefined> {
    const row = await this.db
      .updateTable('sos_alerts')
      .set({ acknowledged: true })
      .where('election_id', '=', electionId)
      .where('id', '=', id)
      .where('acknowledged', '=', false)
      .returning(['id', 'observer_id', 'precinct_code', 'kind', 'acknowledged', 'sent_at'])
      .executeTakeFirst();
    return row ? toSos({ ...row, acknowledged: false }) : undefined;
  }

  async listViolations(electionId: number, status?: ViolationStatus) {
    let query = this.db
      .selectFrom('violations')
      .select(['id', 'precinct_code', 'category_id', 'text', 'media_ids', 'status', 'reported_at'])
      .where('election_id', '=', electionId)
      .orderBy('id');
    if (status) query = query.where('status', '=', status);
    return query.execute();
  }

  /** Published violations by category within an area; nothing else is public. */
  async publishedByCategory(electionId: number, areaCode?: string): Promise<Record<string, number>> {
    const areaFilter = areaCode ? sql`and a.path @> array[${areaCode}]::text[]` : sql``;
    const result = await sql<{ category_id: string; count: number }>`
      select v.category_id, count(*) as count
      from violations v
      join areas a on a.election_id = v.election_id and a.code = v.precinct_code
      where v.election_id = ${electionId} and v.status = 'published' ${areaFilter}
      group by v.category_id`.execute(this.db);
    return Object.fromEntries(result.rows.map((row) => [row.category_id, Number(row.count)]));
  }

  async insertSos(values: {
    electionId: number;
    observerId: number;
    precinctCode: string | null;
    sentAt: Date;
  }) {
    const row = await this.db
      .insertInto('sos_alerts')
      .values({
        election_id: values.electionId,
        observer_id: values.observerId,
        precinct_code: values.precinctCode,
        sent_at: values.sentAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Sets the kind of the observer's latest alert; returns it, or undefined when there is none. */
  async describeLatestSos(observerId: number, kind: string): Promise<SosAlertRow | undefined> {
    const latest = await this.db
      .selectFrom('sos_alerts')
      .select('id')
      .where('observer_id', '=', observerId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!latest) return undefined;
    const row = await this.db
      .updateTable('sos_alerts')
      .set({ kind })
      .where('id', '=', latest.id)
      .returning(['id', 'observer_id', 'precinct_code', 'kind', 'acknowledged', 'sent_at'])
      .executeTakeFirstOrThrow();
    return toSos(row);
  }

  /** Alerts not yet acknowledged: the console's flag. */
  async openSos(electionId: number): Promise<SosAlertRow[]> {
    const rows = await this.db
      .selectFrom('sos_alerts')
      .select(['id', 'observer_id', 'precinct_code', 'kind', 'acknowledged', 'sent_at'])
      .where('election_id', '=', electionId)
      .where('acknowledged', '=', false)
      .orderBy('id')
      .execute();
    return rows.map(toSos);
  }

  async acknowledgeSos(id: number): Promise<void> {
    await this.db.updateTable('sos_alerts').set({ acknowledged: true }).where('id', '=', id).execute();
  }
}

function toSos(row: {
  id: number;
  observer_id: number;
  precinct_code: string | null;
  kind: string | null;
  acknowledged: boolean;
  sent_at: Date;
}): SosAlertRow {
  return {
    id: row.id,
    observerId: row.observer_id,
    precinctCode: row.precinct_code,
    kind: row.kind,
    acknowledged: row.acknowledged,
    sentAt: row.sent_at,
  };
}
