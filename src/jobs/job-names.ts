/**
 * Every background job, in one place. The tables are the queues (no separate job queue: the
 * inbox must keep per-chat order, and a second copy of every update would halve ingest), so a
 * job's payload is a row of its table.
 */
export const JOB_NAMES = ['inbox.process', 'outbox.send', 'media.process', 'transparency.append'] as const;

export type JobName = (typeof JOB_NAMES)[number];

/** What each job works on. */
export interface JobPayloads {
  /** A pending `inbox` row: one channel update, run through the conversation. */
  'inbox.process': { inboxId: number };
  /** A pending `outbox` row: one reply, delivered through the channel's sender. */
  'outbox.send': { outboxId: number };
  /** A pending `media_items` row: fetch, clean, store, hash, then tell the listeners. */
  'media.process': { mediaId: number };
  /** A `transparency_pending` row: an accepted submission, appended to the Merkle log. */
  'transparency.append': { pendingId: number };
}

/** A job's running loop, as the worker starts and stops it. */
export interface JobRunner {
  readonly name: JobName;
  start(): void;
  /** Runs the loop now instead of at its next poll (new work was committed). */
  wake(): void;
  /** Finishes the work in hand, then stops. */
  stop(): Promise<void>;
}

/**
 * The startup check: every job has a runner, and no runner is unknown. Fails with the names.
 *
 * @example
 * assertEveryJobHasHandler([inboxRunner, outboxRunner, mediaRunner]);
 */
export function assertEveryJobHasHandler(runners: readonly { name: string }[]): void {
  const names = new Set(runners.map((runner) => runner.name));
  const missing = JOB_NAMES.filter((name) => !names.has(name));
  const unknown = [...names].filter((name) => !(JOB_NAMES as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      [
        missing.length > 0 ? `jobs without a handler: ${missing.join(', ')}` : '',
        unknown.length > 0 ? `handlers for unknown jobs: ${unknown.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
}
