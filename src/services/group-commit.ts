/**
 * Turns many concurrent single-item calls into few batched ones: items that arrive while a
 * batch is being written wait for the next batch, so under load one transaction carries many
 * webhooks (the database's commit, not the HTTP server, is the bottleneck) while a lone item
 * is written at once. Each caller gets its own item's result, or the batch's error.
 *
 * @example
 * const commit = new GroupCommit((items) => inbox.accept(items).then(() => items.map(() => 'ok')));
 * await commit.submit(item); // resolves after the batch holding `item` is committed
 */
export class GroupCommit<Item, Result> {
  private queue: Array<{ item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }> =
    [];
  private running = 0;
  private drainScheduled = false;

  constructor(
    private readonly writeBatch: (items: Item[]) => Promise<Result[]>,
    private readonly options: { maxBatch: number; maxConcurrentBatches: number } = {
      maxBatch: 500,
      maxConcurrentBatches: 1,
    },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.scheduleDrain();
    });
  }

  /**
   * Starts the next batch one macrotask later rather than at once. On PGlite a whole transaction
   * runs in microtasks (the WebAssembly engine and its file writes are synchronous), so a batch
   * started by the first request would commit before the event loop even reads the next
   * request: measured, every webhook became its own transaction (one disk commit each). Waiting
   * for `setImmediate` lets every request already read in this poll phase join the batch.
   */
  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.options.maxConcurrentBatches && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running += 1;
      this.writeBatch(batch.map((entry) => entry.item))
        .then(
          (results) => batch.forEach((entry, index) => entry.resolve(results[index] as Result)),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.running -= 1;
          this.scheduleDrain();
        });
    }
  }
}
