import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/database-schema';
import { AuditRepository, type AuditLogRow } from '../store/repositories/audit.repository';
import { auditEntryHash, GENESIS_HASH, verifyChain, type ChainVerification } from './audit-chain';

/** Who did it: a stable id (`user:12`, `cli`, `system:<job>`) and a readable label (an email). */
export interface AuditActor {
  id: string;
  label: string;
}

/** One console action. `before`/`after` are JSON-able snapshots of what changed (no secrets). */
export interface AuditEntryInput {
  actor: AuditActor;
  /** Dotted verb, e.g. `user.create`, `ballot.approve`, `session.login`. */
  action: string;
  /** What it acted on, e.g. `user:12`, `ballot:881`. */
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  actorLabel: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

/** The actor for actions taken from the command line (`dauys user create` …). */
export function cliActor(osUser: string): AuditActor {
  return { id: 'cli', label: `command line (${osUser})` };
}

/**
 * The actor for what the platform does by itself (`start --demo`'s live demo, seeding in tests
 * and benches): `system:<name>`.
 */
export function systemActor(name: string): AuditActor {
  return { id: `system:${name}`, label: `the platform (${name})` };
}

/** The actor for a signed-in console user. */
export function userActor(user: { id: number; email: string }): AuditActor {
  return { id: `user:${user.id}`, label: user.email };
}

/**
 * The audit log (DESIGN.md invariant 6): every console action, who, what, when, before and
 * after, appended in the same transaction as the change it describes — so there is no change
 * without its entry and no entry for a change that rolled back.
 */
export class AuditService {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Appends an entry inside the caller's transaction. Appends are serialized (a table lock held
   * to commit), which is cheap at console volumes and keeps the chain a single line. Call it as
   * the transaction's last statement: the lock is then held only for the commit, and no row lock
   * is taken after it (which could deadlock with another appender).
   *
   * Only services call it, from the transaction they own (routes and commands call the service).
   *
   * @example
   * // in a service method that takes the actor first:
   * await this.db.transaction().execute(async (tx) => {
   *   await new BallotReportsRepository(tx).setStatus(881, 'approved');
   *   await this.audit.record(tx, { actor, action: 'ballot.approve', target: 'ballot:881',
   *     before: { status: 'pending_review' }, after: { status: 'approved' } });
   * });
   */
  async record(tx: Transaction<Database>, input: AuditEntryInput): Promise<number> {
    const repository = new AuditRepository(tx);
    const { prevHash, nextId } = await repository.lockTail();
    const entry = {
      id: nextId,
      // Millisecond precision: exactly what a JS Date and timestamptz both round-trip.
      at: new Date(),
      actor: input.actor.id,
      actor_label: input.actor.label,
      action: input.action,
      target: input.target ?? null,
      // Through JSON once, so the hashed value is the stored value (Dates become strings …).
      before: toJsonValue(input.before),
      after: toJsonValue(input.after),
      prev_hash: prevHash ?? GENESIS_HASH,
    };
    await repository.insert({ ...entry, hash: auditEntryHash(entry) });
    return nextId;
  }

  /** Newest first, `limit` at a time; pass the last id seen as `beforeId` for the next page. */
  async list(options: { beforeId?: number; limit?: number } = {}): Promise<AuditEntryView[]> {
    const rows = await new AuditRepository(this.db).pageDescending(options.beforeId, options.limit ?? 50);
    return rows.map(toView);
  }

  /**
   * Recomputes the whole chain and reports the first entry whose link or contents do not match.
   * Note what it cannot see: whole-chain rewrites by someone who recomputes every hash, and
   * removal of the newest entries — compare `headHash` with a copy kept elsewhere for those.
   */
  verify(): Promise<ChainVerification> {
    const repository = new AuditRepository(this.db);
    return verifyChain((afterId) => repository.pageAscending(afterId, 1000));
  }
}

function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function toView(row: AuditLogRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    actorLabel: row.actor_label,
    action: row.action,
    target: row.target,
    before: row.before,
    after: row.after,
    hash: row.hash,
  };
}
