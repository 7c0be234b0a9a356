import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/database-schema';

/** What the database says happened to the voter bot's updates and replies, for load/crash tests. */
export interface PipelineAudit {
  /** Acknowledged update_ids with no inbox row (must be empty: invariant 1). */
  missing: number[];
  /** update_ids stored more than once (must be empty; the unique key forbids it). */
  duplicated: string[];
  /** Inbox rows not `done` (pending after the drain, or dead-lettered). */
  notDone: number;
  inboxRows: number;
  /** Outbox rows not `sent` (a reply stuck or lost). */
  unsent: number;
  outboxRows: number;
  /** Distinct outbox row counts per participant: one value when every voter got the same replies. */
  repliesPerVoter: number[];
}

export async function auditPipeline(db: Kysely<Database>, acknowledged: number[]): Promise<PipelineAudit> {
  const inbox = await db
    .selectFrom('inbox')
    .select(['dedupe_key', 'status'])
    .where('channel', '=', 'telegram')
    .where('bot', '=', 'voter')
    .execute();
  const seen = new Map<string, number>();
  for (const row of inbox) seen.set(row.dedupe_key, (seen.get(row.dedupe_key) ?? 0) + 1);
  const outbox = await db.selectFrom('outbox').select(['participant', 'status']).execute();
  const perParticipant = new Map<string, number>();
  for (const row of outbox)
    perParticipant.set(row.participant, (perParticipant.get(row.participant) ?? 0) + 1);
  return {
    missing: acknowledged.filter((id) => !seen.has(String(id))),
    duplicated: [...seen].filter(([, count]) => count > 1).map(([key]) => key),
    notDone: inbox.filter((row) => row.status !== 'done').length,
    inboxRows: inbox.length,
    unsent: outbox.filter((row) => row.status !== 'sent').length,
    outboxRows: outbox.length,
    repliesPerVoter: [...new Set(perParticipant.values())].sort((a, b) => a - b),
  };
}

/** True once the worker has nothing left: every inbox row settled and every reply sent. */
export async function pipelineDrained(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ inbox: string; outbox: string }>`
    select (select count(*) from inbox where status = 'pending') as inbox,
           (select count(*) from outbox where status = 'pending') as outbox`.execute(db);
  return Number(rows[0]?.inbox) === 0 && Number(rows[0]?.outbox) === 0;
}
