/**
 * Group commit for concurrent callers: items submitted while a batch is running (or within
 * `maxWaitMs`) are handed to `run` together, at most `maxBatch` at a time, and each caller gets
 * its own result. One transaction for many callers instead of one each, with no caller waiting
 * longer than one batch behind.
 */
export interface MicroBatcherOptions<I, O> {
  readonly maxBatch: number;
  /** How long the first item of an idle batcher waits for company; 0 = next tick. */
  readonly maxWaitMs: number;
  /** Must return one result (or Error) per item, in order. */
  readonly run: (items: I[]) => Promise<Array<O | Error>>;
}

interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: Error) => void;
}

export class MicroBatcher<I, O> {
  private queue: Array<Pending<I, O>> = [];
  private running = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: MicroBatcherOptions<I, O>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.running || this.timer) return;
    if (this.queue.length >= this.options.maxBatch || this.options.maxWaitMs === 0) {
      this.timer = setImmediate(() => this.flush()) as unknown as NodeJS.Timeout;
    } else {
      this.timer = setTimeout(() => this.flush(), this.options.maxWaitMs);
    }
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    const batch = this.queue.splice(0, this.options.maxBatch);
    try {
      const results = await this.options.run(batch.map((p) => p.item));
      batch.forEach((pending, i) => {
        const result = results[i];
        if (result instanceof Error) pending.reject(result);
        else pending.resolve(result);
      });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const pending of batch) pending.reject(failure);
    } finally {
      this.running = false;
      // Whatever queued up while this batch ran goes next, at once.
      if (this.queue.length > 0) {
        this.timer = setImmediate(() => this.flush()) as unknown as NodeJS.Timeout;
      }
    }
  }
}

/** One MicroBatcher per key (a hot SKU, a member…): batches never mix keys. */
export class KeyedMicroBatcher<K, I, O> {
  private readonly batchers = new Map<K, MicroBatcher<I, O>>();

  constructor(private readonly options: { maxBatch: number; maxWaitMs: number; run: (key: K, items: I[]) => Promise<Array<O | Error>> }) {}

  submit(key: K, item: I): Promise<O> {
    let batcher = this.batchers.get(key);
    if (!batcher) {
      batcher = new MicroBatcher<I, O>({
        maxBatch: this.options.maxBatch,
        maxWaitMs: this.options.maxWaitMs,
        run: (items) => this.options.run(key, items),
      });
      this.batchers.set(key, batcher);
    }
    const result = batcher.submit(item);
    // Forget idle keys so a long tail of SKUs does not accumulate batchers.
    void result
      .finally(() => {
        if (batcher.pending === 0) this.batchers.delete(key);
      })
      .catch(() => undefined);
    return result;
  }
}
