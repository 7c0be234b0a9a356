import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';

/** Any fixed number: the advisory lock that serialises appends across workers and nodes. */
const TRANSPARENCY_LOCK = 7_011_001;

/** The transparency log's tables: the queue a trigger fills, the log per election, its head. */
export class TransparencyRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** Serialises appenders until the caller's transaction ends (one worker appends at a time). */
  async lockAppends(): Promise<void> {
    await sql`select pg_advisory_xact_lock(${TRANSPARENCY_LOCK})`.execute(this.db);
  }

  /**
   * The election's head, created empty (with `emptyRoot`) if it has none, locked: appends from
   * several nodes are serialised and the sequence stays gapless.
   */
  async lockHead(electionId: number, emptyRoot: string): Promise<{ size: number; subtrees: string[] }> {
    await this.db
      .insertInto('transparency_heads')
      .values({ election_id: electionId, size: 0, subtrees: JSON.stringify([]), root: emptyRoot })
      .onConflict((oc) => oc.column('election_id').doNothing())
      .execute();
    const head = await this.db
      .selectFrom('transparency_heads')
      .select(['size', 'subtrees'])
      .where('election_id', '=', electionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return { size: Number(head.size), subtrees: head.subtrees };
  }

  async insertLeaf(leaf: {
    electionId: number;
    seq: number;
    kind: string;
    record: Record<string, unknown>;
    leafHash: string;
  }): Promise<void> {
    await this.db
      .insertInto('transparency_log')
      .values({
        election_id: leaf.electionId,
        seq: leaf.seq,
        kind: leaf.kind,
        record: JSON.stringify(leaf.record),
        leaf_hash: leaf.leafHash,
      })
      .execute();
  }

  async updateHead(
    electionId: number,
    head: { size: number; subtrees: string[]; root: string },
  ): Promise<void> {
    await this.db
      .updateTable('transparency_heads')
      .set({
        size: head.size,
        subtrees: JSON.stringify(head.subtrees),
        root: head.root,
        updated_at: new Date(),
      })
      .where('election_id', '=', electionId)
      .execute();
  }

  /** Up to `limit` queued submissions, oldest first. */
  async pending(limit: number) {
    return this.db
      .selectFrom('transparency_pending')
      .select(['id', 'election_id', 'kind', 'record'])
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async dequeue(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('transparency_pending')
      .where('id', 'in', [...ids])
      .execute();
  }

  async countPending(): Promise<number> {
    const row = await this.db
      .selectFrom('transparency_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async head(electionId: number) {
    return this.db
      .selectFrom('transparency_heads')
      .select(['size', 'root', 'updated_at'])
      .where('election_id', '=', electionId)
      .executeTakeFirst();
  }

  /** The records `from..from+limit-1` in order. */
  async entries(electionId: number, from: number, limit: number) {
    return this.db
      .selectFrom('transparency_log')
      .select(['seq', 'kind', 'record'])
      .where('election_id', '=', electionId)
      .where('seq', '>=', from)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }
}
