import { invalidField } from '@shopops/platform';
import { isUUID } from 'class-validator';

/** Ids arrive as GraphQL ID strings: anything that is not a UUID is bad input, not a database error. */
export function requireId(field: string, value: string): void {
  if (!isUUID(value)) throw invalidField(field, 'must be an id');
}
