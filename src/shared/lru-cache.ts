/**
 * The one bounded least-recently-used map: the per-sender values the webhooks derive on every
 * update (a keyed pseudonym, an encrypted reply address) are cached so a busy chat costs one HMAC
 * and one encryption, not one per message, and the HTTP limits keep one token bucket per client
 * address; memory stays bounded however many senders or clients come.
 *
 * @example
 * const cache = new LruCache<string, string>(2);
 * cache.getOrCompute('a', () => expensive('a')); // computed once, then served from memory
 */
export class LruCache<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`LruCache: maxEntries must be a positive integer, not ${maxEntries}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  getOrCompute(key: Key, compute: (key: Key) => Value): Value {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as Value;
      // A Map iterates in insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = compute(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as Key);
    }
    return value;
  }
}
