/** Closed-loop load: `concurrency` callers each run `task` back to back until time is up. */
export interface LoadResult {
  readonly completed: number;
  readonly failed: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export async function closedLoop(options: {
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  task: (caller: number, iteration: number) => Promise<boolean | void>;
}): Promise<LoadResult> {
  const { concurrency, durationMs, warmupMs = 0, task } = options;
  if (warmupMs > 0) await runFor(concurrency, warmupMs, task, []);
  const latencies: number[] = [];
  const started = performance.now();
  const failed = await runFor(concurrency, durationMs, task, latencies);
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, failed, seconds);
}

/** Fires a fixed number of tasks with bounded concurrency; for "N orders" style benches. */
export async function fixedCount(options: { concurrency: number; total: number; task: (index: number) => Promise<boolean | void> }): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.total) {
        const index = next++;
        const t0 = performance.now();
        const ok = await options.task(index).then(
          (r) => r !== false,
          () => false,
        );
        if (ok) latencies.push(performance.now() - t0);
        else failed += 1;
      }
    }),
  );
  return summarize(latencies, failed, (performance.now() - started) / 1000);
}

async function runFor(
  concurrency: number,
  durationMs: number,
  task: (caller: number, iteration: number) => Promise<boolean | void>,
  latencies: number[],
): Promise<number> {
  const deadline = performance.now() + durationMs;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, caller) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        const ok = await task(caller, i).then(
          (r) => r !== false,
          () => false,
        );
        if (ok) latencies.push(performance.now() - t0);
        else failed += 1;
      }
    }),
  );
  return failed;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarize(latencies: number[], failed: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    completed: sorted.length,
    failed,
    seconds: round(seconds, 2),
    perSecond: round(sorted.length / seconds, 1),
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: round(sorted[sorted.length - 1] ?? 0, 2),
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
