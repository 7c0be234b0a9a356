interface Entry {
  startedAt: number;
  value: Promise<unknown>;
  inFlight: boolean;
}

/**
 * Computed live figures (summaries, results) shared by identical requests. On election night
 * thousands of dashboards poll the same few URLs, and on PGlite every query blocks the event
 * loop: requests that arrive while an answer is being computed wait for that computation
 * instead of starting their own, and a computed answer is reused for `ttlMs` after its start.
 * Failures (an unknown area) are never kept.
 *
 * @example
 * const cache = new LiveFiguresCache(1000);
 * const summary = await cache.get(`summary\u0000${slug}\u0000${area}`, () => summaries.summary(slug, area));
 */
export class LiveFiguresCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    /** Kept short (config caps it at 2 s): a new vote must show within 5 s. */
    private readonly ttlMs: number,
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const startedAt = this.now();
    const existing = this.entries.get(key);
    if (existing && (existing.inFlight || startedAt - existing.startedAt < this.ttlMs)) {
      return existing.value as Promise<T>;
    }
    const value = compute();
    const entry: Entry = { startedAt, value, inFlight: true };
    // Delete first so the key moves to the end: the Map's order is then oldest first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then(() => {
      entry.inFlight = false;
      if (this.ttlMs === 0) forget();
    }, forget);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
