import type { Kysely, Transaction } from 'kysely';
import {
  appendLeaf,
  canonicalJson,
  frontierRoot,
  leafHash,
  type MerkleFrontier,
} from '../domain/transparency/merkle-tree';
import type { Database } from '../store/database-schema';
import { TransparencyRepository } from '../store/repositories/transparency.repository';
import type { ElectionService } from './election.service';

export interface TransparencyHead {
  election: string;
  size: number;
  /** Hex RFC 6962 Merkle root over the leaves `0..size-1`. */
  root: string;
  algorithm: 'RFC 6962 Merkle tree, SHA-256, leaves = canonical JSON of each record';
  updatedAt: string | null;
  /** The Ed25519 public key (hex) the instance signs snapshot manifests with (docs/mirrors.md). */
  snapshotKey: string;
}

/** A record of the log as exported: its position, kind and the public record itself. */
export interface TransparencyEntry {
  seq: number;
  kind: string;
  record: Record<string, unknown>;
}

/**
 * The transparency log: every accepted submission (a counted ballot report, an accepted
 * protocol, a published violation) is queued by a database trigger in the transaction that
 * accepts it (migration 0011), and `appendPending` — the `transparency.append` job — moves the
 * queue into an append-only Merkle log per election. Publishing the root and size commits the
 * operators to all records so far.
 */
export class TransparencyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
    /** Published beside the root, so a mirror's signature can be checked against the live instance. */
    private readonly snapshotKey: string,
  ) {}

  /**
   * Appends a record inside the caller's transaction. The head row is locked, so appends from
   * several nodes are serialised and the sequence stays gapless.
   *
   * @example
   * await transparency.append(tx, electionId, 'protocol', { precinct: 'p1', figures });
   */
  async append(
    tx: Transaction<Database>,
    electionId: number,
    kind: string,
    record: Record<string, unknown>,
  ): Promise<number> {
    const log = new TransparencyRepository(tx);
    const head = await log.lockHead(electionId, frontierRoot({ size: 0, subtrees: [] }).toString('hex'));
    const entry = { kind, ...record };
    const leaf = leafHash(canonicalJson(entry));
    const frontier: MerkleFrontier = {
      size: head.size,
      subtrees: head.subtrees.map((hex) => Buffer.from(hex, 'hex')),
    };
    const next = appendLeaf(frontier, leaf);
    await log.insertLeaf({
      electionId,
      seq: frontier.size,
      kind,
      record,
      leafHash: leaf.toString('hex'),
    });
    await log.updateHead(electionId, {
      size: next.size,
      subtrees: next.subtrees.map((hash) => hash.toString('hex')),
      root: frontierRoot(next).toString('hex'),
    });
    return frontier.size;
  }

  /**
   * Appends up to `limit` queued submissions to their elections' logs, oldest first, and
   * removes them from the queue in the same transaction: each is appended exactly once, even
   * with several workers (a transaction-level advisory lock serialises them) or after a crash
   * (the append and the dequeue commit together). Returns how many were appended.
   */
  async appendPending(limit = 500): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const log = new TransparencyRepository(tx);
      await log.lockAppends();
      const pending = await log.pending(limit);
      for (const row of pending) await this.append(tx, row.election_id, row.kind, row.record);
      await log.dequeue(pending.map((row) => row.id));
      return pending.length;
    });
  }

  /** Accepted submissions not yet in the log (a gauge: it should stay near 0). */
  async countPending(): Promise<number> {
    return new TransparencyRepository(this.db).countPending();
  }

  async head(slug: string): Promise<TransparencyHead> {
    const election = await this.elections.require(slug);
    const head = await new TransparencyRepository(this.db).head(election.id);
    return {
      election: slug,
      size: Number(head?.size ?? 0),
      root: head?.root ?? frontierRoot({ size: 0, subtrees: [] }).toString('hex'),
      algorithm: 'RFC 6962 Merkle tree, SHA-256, leaves = canonical JSON of each record',
      updatedAt: head?.updated_at ? new Date(head.updated_at).toISOString() : null,
      snapshotKey: this.snapshotKey,
    };
  }

  /** The records `from..from+limit-1` in order, for export and verification. */
  async entries(slug: string, from = 0, limit = 10_000): Promise<TransparencyEntry[]> {
    const election = await this.elections.require(slug);
    const rows = await new TransparencyRepository(this.db).entries(election.id, from, limit);
    return rows.map((row) => ({ seq: Number(row.seq), kind: row.kind, record: row.record }));
  }
}

/** The leaf of an exported entry, computed exactly as `append` did. */
export function entryLeaf(entry: TransparencyEntry): Buffer {
  return leafHash(canonicalJson({ kind: entry.kind, ...entry.record }));
}
