/**
 * PostgreSQL data exceptions (SQLSTATE class 22) that a value given by a caller can raise: a
 * malformed uuid or number (22P02), a date that does not exist (22007, 22008), a number too big
 * for its column (22003), text the database cannot hold (22021, 22P05), text too long (22001),
 * a negative LIMIT or OFFSET (2201W, 2201X).
 */
const INPUT_DATA_EXCEPTIONS = new Set(['22P02', '22007', '22008', '22003', '22021', '22P05', '22001', '22023', '2201W', '2201X']);
const NEGATIVE_COUNTS = new Set(['2201W', '2201X']);

export interface DataException {
  readonly code: string;
  readonly message: string;
  /** The offending value, when PostgreSQL quotes it in the message (`invalid input syntax for type uuid: "x"`). */
  readonly value?: string;
  /** A negative row count was given: the culprit is a negative number among the arguments. */
  readonly negativeCount: boolean;
}

export function inputDataException(error: unknown): DataException | undefined {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  const message = e?.driverError?.message ?? e?.message;
  if (typeof code !== 'string' || !INPUT_DATA_EXCEPTIONS.has(code) || typeof message !== 'string') return undefined;
  const quoted = /"((?:[^"\\]|\\.)*)"/.exec(message);
  return { code, message, negativeCount: NEGATIVE_COUNTS.has(code), ...(quoted ? { value: quoted[1] } : {}) };
}
