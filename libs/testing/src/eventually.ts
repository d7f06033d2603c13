/**
 * Polls until `probe` returns a value `accept` likes, for effects that arrive through queues.
 * Fails with the last value seen, so a timeout says what the system actually did.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean = Boolean,
  { timeoutMs = 20_000, intervalMs = 100, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const seen = lastError instanceof Error ? lastError.message : JSON.stringify(last);
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
}
