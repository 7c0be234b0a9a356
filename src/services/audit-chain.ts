import crypto from 'node:crypto';
import type { ChainedEntry } from '../store/repositories/audit.repository';

/**
 * The audit log's hash chain, as pure functions: what is hashed, and how. Anyone with a copy of
 * the table can recompute it (sha256, canonical JSON) without the platform's secret.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type { ChainedEntry } from '../store/repositories/audit.repository';

/**
 * JSON with object keys sorted at every depth, so equal values always serialize to equal text
 * (PostgreSQL's jsonb reorders keys, so the stored order cannot be relied on).
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * sha256 (hex) over the entry's canonical JSON followed by the previous entry's hash.
 *
 * @example
 * const hash = auditEntryHash({ id: 1, at, actor: 'cli', actor_label: 'cli', action: 'user.create',
 *   target: 'user:1', before: null, after: { role: 'admin' }, prev_hash: GENESIS_HASH });
 */
export function auditEntryHash(entry: ChainedEntry): string {
  const body = canonicalJson({
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actor,
    actor_label: entry.actor_label,
    action: entry.action,
    target: entry.target,
    before: entry.before,
    after: entry.after,
  });
  return crypto.createHash('sha256').update(body).update(entry.prev_hash).digest('hex');
}

/** The outcome of walking the chain. */
export type ChainVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Checks entries in chain order, page by page; stops at the first broken link. `next` returns
 * the following page (oldest first) after an id, or an empty array at the end.
 *
 * @example
 * const result = await verifyChain((afterId) => repository.pageAscending(afterId, 1000));
 */
export async function verifyChain(
  next: (afterId: number) => Promise<Array<ChainedEntry & { hash: string }>>,
): Promise<ChainVerification> {
  let previousHash = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const page = await next(lastId);
    if (page.length === 0) return { ok: true, entries, headHash: previousHash };
    for (const entry of page) {
      if (entry.prev_hash !== previousHash) {
        return {
          ok: false,
          entries,
          brokenAt: entry.id,
          reason: 'prev_hash does not match the previous entry',
        };
      }
      if (auditEntryHash(entry) !== entry.hash) {
        return { ok: false, entries, brokenAt: entry.id, reason: 'hash does not match the entry’s contents' };
      }
      previousHash = entry.hash;
      lastId = entry.id;
      entries += 1;
    }
  }
}
