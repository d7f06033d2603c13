import { round } from './load';

/**
 * The fields every benchmark prints (../docs/benchmarks.md): the measured side, the baseline a
 * user would otherwise build at the same concurrency and durability, and the physical floor of
 * the same work measured in the same run.
 */
export interface BenchReport {
  readonly bench: string;
  /** What `value`, `baseline` and `limit` measure, e.g. "webhooks_per_second". */
  readonly metric: string;
  readonly value: number;
  readonly baseline: number;
  /** The same work at the physical floor (a bare COPY, a bare Fastify + HMAC endpoint…). */
  readonly limit: number;
  /** Server CPU (services, PostgreSQL, Redis; not the load generator) per unit of `value`. */
  readonly cpu_ms_per_unit: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly [extra: string]: unknown;
}

/** The one JSON line a benchmark prints, with `ratio` (value ÷ baseline) and `of_limit` (value ÷ limit). */
export function formatReport(report: BenchReport): string {
  const ratio = report.baseline === 0 ? null : round(report.value / report.baseline, 3);
  const ofLimit = report.limit === 0 ? null : round(report.value / report.limit, 3);
  const { bench, metric, value, baseline, limit, cpu_ms_per_unit, p50_ms, p99_ms, ...extra } = report;
  return JSON.stringify({
    bench,
    metric,
    value,
    baseline,
    ratio,
    limit: limit ?? null,
    of_limit: ofLimit,
    cpu_ms_per_unit: cpu_ms_per_unit ?? null,
    p50_ms: p50_ms ?? null,
    p99_ms: p99_ms ?? null,
    ...extra,
  });
}

/** CPU per unit, rounded for the report. */
export function cpuPerUnit(cpuMs: number, units: number): number {
  return units === 0 ? 0 : round(cpuMs / units, 3);
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
