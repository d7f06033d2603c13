import { round } from './load';

export interface BenchReport {
  readonly bench: string;
  /** What `value` and `baseline` measure, e.g. "webhooks_per_second". */
  readonly metric: string;
  readonly value: number;
  readonly baseline: number;
  readonly [extra: string]: unknown;
}

/** The one JSON line a benchmark prints: figures, the same-run baseline and their ratio. */
export function formatReport(report: BenchReport): string {
  const ratio = report.baseline === 0 ? null : round(report.value / report.baseline, 3);
  const { bench, metric, value, baseline, ...extra } = report;
  return JSON.stringify({ bench, metric, value, baseline, ratio, ...extra });
}

export interface BenchOptions {
  /** Seconds of measured load per side (overridable with --seconds). */
  readonly seconds: number;
  readonly args: readonly string[];
}

export type Benchmark = (options: BenchOptions) => Promise<BenchReport>;

/** Progress for people watching; stderr keeps stdout to the one JSON line. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
