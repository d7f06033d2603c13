/**
 * Thrown inside a unit of work to roll it back and answer with a typed business error
 * (the mutation's union member) instead of an exception.
 */
export class Refusal<R> extends Error {
  constructor(readonly result: R) {
    super('business refusal');
    this.name = 'Refusal';
  }
}

export function refuse<R>(result: R): never {
  throw new Refusal(result);
}

/** PostgreSQL's unique_violation, for races that a prior check cannot close. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
