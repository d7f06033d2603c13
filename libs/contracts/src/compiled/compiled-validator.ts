import Ajv, { _, type ErrorObject, type KeywordCxt, type ValidateFunction } from 'ajv';
import type { ClassConstructor } from 'class-transformer';
import { isURL, isUUID, length, type ValidationArguments } from 'class-validator';
import { findUnstorableJson, MAX_JSON_DEPTH, PROTOTYPE_KEYS, unstorableText } from '../storable-json';
import type { FieldProblem, Validated } from '../validation';
import { isCalendarDate, isIsoWithOffset } from '../webhooks/iso-timestamp';
import { shapeOf, siteOf, Uncompilable, type ClassShape, type Constraint } from './contract-schema';

/**
 * The compiled form of `validatePlain`: one ajv function per contract class, generated from its
 * class-validator metadata, plus one walk that both checks the payload is storable and builds
 * what `plainToInstance` would (class instances where `@Type` says, extras kept). Refusals name
 * the fields and carry the messages class-validator would have given.
 */

const ajv = new Ajv({ strict: true, allErrors: true, verbose: true, unicodeRegExp: false, coerceTypes: false, useDefaults: false, removeAdditional: false });
/** Marks the subschema of one class-validator constraint (see `siteOf`). */
ajv.addKeyword({ keyword: 'cv', schemaType: 'number' });
// class-validator's min/max refuse any non-number and accept ±Infinity; JSON Schema's minimum ignores non-numbers
ajv.addKeyword({
  keyword: 'atLeast',
  schemaType: 'number',
  code: (cxt: KeywordCxt) => cxt.fail(_`typeof ${cxt.data} != "number" || !(${cxt.data} >= ${cxt.schemaCode})`),
});
ajv.addKeyword({
  keyword: 'atMost',
  schemaType: 'number',
  code: (cxt: KeywordCxt) => cxt.fail(_`typeof ${cxt.data} != "number" || !(${cxt.data} <= ${cxt.schemaCode})`),
});
// validator.js's own length (surrogate pairs count once, variation selectors not at all), UUID and URL checks
ajv.addKeyword({ keyword: 'textLength', type: 'string', schemaType: 'array', errors: false, validate: textLength });
ajv.addKeyword({
  keyword: 'uuid',
  type: 'string',
  schemaType: ['string', 'number'],
  errors: false,
  validate: (v: string, s: string) => isUUID(s, v as Parameters<typeof isUUID>[1]),
});
ajv.addKeyword({ keyword: 'url', type: 'string', schemaType: 'object', errors: false, validate: (o: object, s: string) => isURL(s, o) });
ajv.addKeyword({ keyword: 'isoWithOffset', type: 'string', schemaType: 'boolean', errors: false, validate: (_on: boolean, s: string) => isIsoWithOffset(s) });
ajv.addKeyword({ keyword: 'calendarDate', type: 'string', schemaType: 'boolean', errors: false, validate: (_on: boolean, s: string) => isCalendarDate(s) });

/** Only these change validator.js's count (a surrogate pair counts once, a variation selector not at all). */
const UNCOUNTED = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;

function textLength([min, max]: [number, number | null], text: string): boolean {
  if (UNCOUNTED.test(text)) return length(text, min, max ?? undefined);
  return text.length >= min && (max === null || text.length <= max);
}

const added = new Map<string, ClassShape>();
const UNSTORABLE = Symbol('unstorable');
/** Not plain JSON data (a Date, a class instance…): left to class-transformer and class-validator. */
export const NOT_PLAIN = Symbol('not plain');
/** Strings worth a closer look: only NUL and surrogates can make text unstorable. */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

export type CompiledValidator<T> = (plain: object) => Validated<T> | typeof NOT_PLAIN;

const compiled = new WeakMap<ClassConstructor<object>, CompiledValidator<object> | null>();
const refused = new Map<ClassConstructor<object>, string>();

/** The compiled validator of a class, built on first use; undefined when the class keeps class-validator (see `uncompilableContracts`). */
export function compiledValidator<T extends object>(cls: ClassConstructor<T>): CompiledValidator<T> | undefined {
  let validator = compiled.get(cls);
  if (validator === undefined) {
    validator = compile(cls);
    compiled.set(cls, validator);
  }
  return (validator ?? undefined) as CompiledValidator<T> | undefined;
}

/** Classes asked for that could not be compiled faithfully, with why. */
export function uncompilableContracts(): ReadonlyMap<ClassConstructor<object>, string> {
  return refused;
}

function compile(cls: ClassConstructor<object>): CompiledValidator<object> | null {
  let shape: ClassShape;
  let validate: ValidateFunction;
  try {
    shape = shapeOf(cls);
    addSchemas(shape);
    validate = ajv.getSchema(shape.id) as ValidateFunction;
  } catch (error) {
    // Uncompilable, or a schema ajv refuses: class-validator stays right where the generator falls short
    refused.set(cls, error instanceof Uncompilable ? error.message : `ajv: ${String(error)}`);
    return null;
  }
  return (plain) => {
    const value = copyStorable(plain, 0, shape);
    if (value === NOT_PLAIN) return NOT_PLAIN;
    if (value === UNSTORABLE) return { ok: false, problems: findUnstorableJson(plain) };
    if (!validate(plain)) return { ok: false, problems: explain(validate.errors ?? [], plain, shape) };
    return { ok: true, value: value as object };
  };
}

function addSchemas(shape: ClassShape): void {
  const pending = [shape];
  const reachable: ClassShape[] = [];
  while (pending.length > 0) {
    const next = pending.pop() as ClassShape;
    if (added.has(next.id) || reachable.includes(next)) continue;
    reachable.push(next);
    pending.push(...next.types.values());
  }
  for (const next of reachable) {
    ajv.addSchema(next.schema);
    added.set(next.id, next);
  }
}

/**
 * `plainToInstance` in one pass that also refuses what `findUnstorableJson` would (exactly, not
 * its messages): an instance of the `@Type` class where one is declared, plain copies elsewhere,
 * and, like class-transformer, no copy of keys that name an inherited method (`toString`…).
 */
function copyStorable(value: unknown, depth: number, shape: ClassShape | undefined): unknown {
  if (typeof value === 'string') return SUSPECT.test(value) && unstorableText(value) ? UNSTORABLE : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_JSON_DEPTH) return UNSTORABLE;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const element of value) {
      const copy = copyStorable(element, depth + 1, shape);
      if (copy === UNSTORABLE || copy === NOT_PLAIN) return copy;
      out.push(copy);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const out = (shape ? new shape.cls() : {}) as Record<string, unknown>;
  const outProto = shape ? (shape.cls.prototype as object) : Object.prototype;
  const inherited = shape ? inheritedNames(shape) : OBJECT_NAMES;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key) || (SUSPECT.test(key) && unstorableText(key))) return UNSTORABLE;
    const child = (value as Record<string, unknown>)[key];
    if (inherited.has(key) && inheritedMethod(outProto, out, key)) {
      const checked = copyStorable(child, depth + 1, undefined);
      if (checked === UNSTORABLE || checked === NOT_PLAIN) return checked;
      continue;
    }
    const copy = copyStorable(child, depth + 1, shape?.types.get(key));
    if (copy === UNSTORABLE || copy === NOT_PLAIN) return copy;
    out[key] = copy;
  }
  return out;
}

const OBJECT_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const classNames = new WeakMap<ClassShape, ReadonlySet<string>>();

/** Every name an instance of the class inherits (its prototype chain's), the only keys class-transformer may skip. */
function inheritedNames(shape: ClassShape): ReadonlySet<string> {
  let names = classNames.get(shape);
  if (!names) {
    const found = new Set<string>();
    for (let proto: object | null = shape.cls.prototype as object; proto; proto = Object.getPrototypeOf(proto) as object | null) {
      for (const name of Object.getOwnPropertyNames(proto)) found.add(name);
    }
    names = found;
    classNames.set(shape, names);
  }
  return names;
}

/** class-transformer skips keys its new object already has as a method or a read-only accessor. */
function inheritedMethod(proto: object, out: Record<string, unknown>, key: string): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(proto, key);
  return (descriptor !== undefined && !descriptor.set) || out[key] instanceof Function;
}

interface Failure {
  readonly constraint: Constraint;
  readonly value: unknown;
  readonly object: unknown;
}

/** Turns ajv's errors back into class-validator's problems: same fields, same messages, same order. */
function explain(errors: ErrorObject[], plain: object, root: ClassShape): FieldProblem[] {
  const failures = new Map<string, Failure[]>();
  const prefixes = new Set<string>();
  const record = (path: string[], constraint: Constraint, object: unknown, value: unknown) => {
    const key = path.join('\u0000');
    for (let i = 1; i <= path.length; i += 1) prefixes.add(path.slice(0, i).join('\u0000'));
    const list = failures.get(key) ?? [];
    if (!list.some((f) => f.constraint === constraint)) list.push({ constraint, value, object });
    failures.set(key, list);
  };
  for (const error of errors) {
    const parent = error.parentSchema as { cv?: number; $id?: string } | undefined;
    const path =
      error.instancePath === ''
        ? []
        : error.instancePath
            .slice(1)
            .split('/')
            .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const site = parent?.cv === undefined ? undefined : siteOf(parent.cv);
    if (site) {
      if (site.onElement) path.pop();
      record(path, site.constraint, valueAt(plain, path.slice(0, -1)), valueAt(plain, path));
    } else if (error.keyword === 'required' && parent?.$id) {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const object = valueAt(plain, path);
      for (const constraint of added.get(parent.$id)?.whenMissing.get(missing) ?? []) record([...path, missing], constraint, object, undefined);
    }
  }
  const problems: FieldProblem[] = [];
  const emit = (path: string[]) => {
    const list = failures.get(path.join('\u0000'));
    if (!list) return;
    const messages = new Map<string, string>();
    for (const failure of [...list].sort((a, b) => a.constraint.order - b.constraint.order)) messages.set(failure.constraint.key, messageOf(failure));
    const field = path.join('.');
    const last = path[path.length - 1] ?? '';
    for (const message of messages.values()) problems.push({ field, message: message.replace(last, field) });
  };
  const walkNested = (shape: ClassShape, value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((element, index) => {
        const at = [...path, String(index)];
        if (!prefixes.has(at.join('\u0000'))) return;
        emit(at);
        walkNested(shape, element, at);
      });
    } else if (value !== null && typeof value === 'object') walk(shape, value as Record<string, unknown>, path);
  };
  const walk = (shape: ClassShape, object: Record<string, unknown>, prefix: string[]) => {
    for (const property of shape.properties) {
      const path = [...prefix, property.name];
      if (!prefixes.has(path.join('\u0000'))) continue;
      emit(path);
      if (property.nested) walkNested(property.nested, object[property.name], path);
    }
  };
  walk(root, plain as Record<string, unknown>, []);
  return problems;
}

function valueAt(root: unknown, path: string[]): unknown {
  let value = root;
  for (const segment of path) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[segment];
  return value;
}

/** The message class-validator writes for a failed constraint (its `createValidationError` and token replacement). */
function messageOf({ constraint, value, object }: Failure): string {
  const { metadata, instance } = constraint;
  const args: ValidationArguments = {
    targetName: metadata.target.name,
    property: metadata.propertyName,
    object: object as object,
    value,
    constraints: metadata.constraints ?? [],
  };
  let message: string | ((a: ValidationArguments) => string) = metadata.message || '';
  if (!metadata.message && instance?.defaultMessage instanceof Function) message = instance.defaultMessage(args);
  let text = message instanceof Function ? message(args) : message;
  if (text) args.constraints.forEach((c, i) => (text = text.replace(new RegExp(`\\$constraint${i + 1}`, 'g'), constraintText(c))));
  if (text && value !== undefined && value !== null && ['string', 'boolean', 'number'].includes(typeof value)) text = text.replace(/\$value/g, value as string);
  if (text) text = text.replace(/\$property/g, args.property);
  if (text) text = text.replace(/\$target/g, args.targetName);
  return text;
}

function constraintText(constraint: unknown): string {
  if (Array.isArray(constraint)) return constraint.join(', ');
  return typeof constraint === 'symbol' ? `${constraint.description}` : `${constraint as string}`;
}
