import { IsInt, Max, Min } from 'class-validator';

/** The largest amount in fen any service stores: the consumers' amount columns are PostgreSQL `integer`. */
export const MAX_FEN = 2 ** 31 - 1;

/** A non-negative integer amount in fen that every consumer's `integer` column can hold. */
export function IsFen(): PropertyDecorator {
  const decorators = [IsInt(), Min(0), Max(MAX_FEN, { message: ({ property }) => `${property} must be at most ${MAX_FEN} fen` })];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}
