/** How long a client is asked to wait when the database is away: a restart or failover takes seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 3;

/** SQLSTATEs of a server shutting down, starting up or out of connections (class 08: connection exceptions). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i;

/**
 * Whether an error means PostgreSQL could not be reached (rather than that the request was
 * wrong or the code failed): such a request can simply be retried a few seconds later.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
  // Connection failures to several addresses come as an AggregateError.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** The HTTP answer for a request that failed because the database was unavailable. */
export const DATABASE_UNAVAILABLE_ANSWER = {
  status: 503,
  headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
  body: { error: 'database unavailable', details: [`the request was not stored; retry in ${DATABASE_RETRY_AFTER_SECONDS} s`] },
} as const;
