import { ValidationError as ClassValidationError } from 'class-validator';
import { flattenValidationErrors, type FieldProblem } from '@shopops/contracts';
import { GraphQLError } from 'graphql';

/** Codes of thrown (unexpected or access) errors; business refusals are typed results instead. */
export type ThrownErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX' | 'INTERNAL_SERVER_ERROR';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/** Invalid input: the message names every offending field, `extensions.fields` lists them. */
export function badUserInput(problems: readonly FieldProblem[]): GraphQLError {
  const fields = problems.map((p) => p.field);
  const message = `Invalid input: ${problems.map((p) => p.message).join('; ')}`;
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields, problems } });
}

export function badUserInputFromValidation(errors: ClassValidationError[]): GraphQLError {
  return badUserInput(flattenValidationErrors(errors));
}

export function invalidField(field: string, message: string): GraphQLError {
  return badUserInput([{ field, message: `${field} ${message}` }]);
}
