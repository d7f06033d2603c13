import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { compiledValidator, NOT_PLAIN } from './compiled/compiled-validator';
import { findUnstorableJson } from './storable-json';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `lines.0.quantity`. */
  readonly field: string;
  readonly message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Validates a plain object against a class-validator class. Unknown extra fields are kept
 * (integrators may send more than we read) but never trusted: only declared fields are typed,
 * and the whole object, extras included, must be storable (see `findUnstorableJson`).
 * Runs the class's compiled validator (same decisions, problems and value as class-validator,
 * see compiled/compiled-validator.ts); classes it cannot compile keep class-validator.
 */
export function validatePlain<T extends object>(cls: ClassConstructor<T>, plain: unknown): Validated<T> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return notAnObject();
  const compiled = compiledValidator(cls)?.(plain);
  return compiled === undefined || compiled === NOT_PLAIN ? classValidatorChecks(cls, plain) : compiled;
}

function notAnObject(): Validated<never> {
  return { ok: false, problems: [{ field: '', message: 'must be a JSON object' }] };
}

/** `validatePlain` with class-transformer and class-validator only: the reference the compiled validators are held to. */
export function validatePlainWithClassValidator<T extends object>(cls: ClassConstructor<T>, plain: unknown): Validated<T> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return notAnObject();
  return classValidatorChecks(cls, plain);
}

function classValidatorChecks<T extends object>(cls: ClassConstructor<T>, plain: object): Validated<T> {
  const unstorable = findUnstorableJson(plain);
  if (unstorable.length > 0) return { ok: false, problems: unstorable };
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { forbidUnknownValues: true, validationError: { target: false } });
  if (errors.length > 0) return { ok: false, problems: flattenValidationErrors(errors) };
  return { ok: true, value: instance };
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push({ field, message: message.replace(error.property, field) });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, field));
  }
  return problems;
}

export function describeProblems(problems: readonly FieldProblem[]): string {
  return problems.map((p) => p.message || p.field).join('; ');
}
