/**
 * PostgreSQL aborts one side of a deadlock (40P01) or of a serialization conflict (40001) so
 * that the other can finish: the work was sound, only its timing lost, and it will pass when
 * run again. Such failures are retried; every other failure is the work's own.
 */
const TRANSIENT_SQLSTATES: ReadonlySet<string> = new Set(['40P01', '40001']);

export function isTransientConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  return TRANSIENT_SQLSTATES.has(String(code)) || TRANSIENT_SQLSTATES.has(String(driverError?.code));
}

export interface ConflictRetryOptions {
  /** Runs after the first; the last conflict is thrown. */
  readonly retries: number;
  /** The first pause; each next one doubles, with jitter so that the two sides do not meet again. */
  readonly baseDelayMs: number;
}

const DEFAULT_CONFLICT_RETRY: ConflictRetryOptions = { retries: 3, baseDelayMs: 20 };

/** Runs a whole transaction again when it lost a deadlock or serialization conflict. */
export async function retryOnConflict<T>(work: () => Promise<T>, options: ConflictRetryOptions = DEFAULT_CONFLICT_RETRY): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await work();
    } catch (error) {
      if (retry >= options.retries || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, conflictPauseMs(options.baseDelayMs, retry)));
    }
  }
}

/** Exponential pause with full jitter: between half and all of base·2^n. */
export function conflictPauseMs(baseDelayMs: number, retry: number): number {
  const ceiling = baseDelayMs * 2 ** Math.min(retry, 10);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
