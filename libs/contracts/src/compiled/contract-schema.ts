import type { ClassConstructor } from 'class-transformer';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';

/**
 * Turns a contract class's class-validator and class-transformer metadata into JSON Schema for
 * ajv. Every class-validator constraint becomes one subschema marked `cv: <site>`, so an ajv
 * error leads back to the constraint that class-validator would have reported, with its message.
 * A decorator this generator does not know makes the class `Uncompilable`: it keeps class-validator.
 */

export class Uncompilable extends Error {}

/** What class-validator keeps per constraint (its metadata types are not exported). */
interface ValidationMetadata {
  readonly type: string;
  readonly name?: string;
  readonly target: ClassConstructor<object>;
  readonly propertyName: string;
  readonly constraints?: unknown[];
  readonly constraintCls: unknown;
  readonly each?: boolean;
  readonly message?: string | ((args: ValidationArguments) => string);
  readonly always?: boolean;
  readonly groups?: string[];
  readonly context?: unknown;
}

interface ConstraintMetadata {
  readonly name: string;
  readonly async: boolean;
  readonly instance: { validate(value: unknown, args: ValidationArguments): unknown; defaultMessage?(args: ValidationArguments): string };
}

/** A constraint as class-validator reports it: its key in `constraints` and how its message is written. */
export interface Constraint {
  readonly metadata: ValidationMetadata;
  /** The key class-validator files the message under (`isString`, `nestedValidation`…); a later one of the same key overwrites. */
  readonly key: string;
  /** Position among the property's constraints, as class-validator runs them (nested validation last). */
  readonly order: number;
  readonly instance?: ConstraintMetadata['instance'];
}

/** Where an ajv error points: the constraint, and whether the error sits on an array element of the property (`each`). */
export interface Site {
  readonly constraint: Constraint;
  readonly onElement: boolean;
}

export interface ClassShape {
  readonly cls: ClassConstructor<object>;
  readonly id: string;
  /** Properties in class-validator's order, with their constraints. */
  readonly properties: ReadonlyArray<{ name: string; constraints: Constraint[]; nested?: ClassShape }>;
  /** Per property, the constraints that fail when it is missing (class-validator runs them on `undefined`). */
  readonly whenMissing: ReadonlyMap<string, Constraint[]>;
  /** class-transformer's `@Type` classes per property: what `plainToInstance` instantiates. */
  readonly types: ReadonlyMap<string, ClassShape>;
  /** The class's JSON Schema (`$id` is `id`); nested classes are `$ref`s to theirs. */
  readonly schema: object;
}

type Schema = Record<string, unknown>;
interface TypeMetadata {
  typeFunction?: (options?: unknown) => unknown;
  options?: { discriminator?: unknown };
}

const storage = getMetadataStorage() as unknown as {
  getTargetValidationMetadatas(target: unknown, schema: string, always: boolean, strictGroups: boolean, groups?: string[]): ValidationMetadata[];
  groupByPropertyName(metadatas: ValidationMetadata[]): Record<string, ValidationMetadata[]>;
  getTargetValidatorConstraints(target: unknown): ConstraintMetadata[];
};
// class-transformer's metadata (its @Type, @Transform, @Expose, @Exclude) is public only through its internal storage module
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: unknown }).defaultMetadataStorage as {
  _typeMetadatas: Map<unknown, Map<string, TypeMetadata>>;
  findTypeMetadata(target: unknown, propertyName: string): TypeMetadata | undefined;
  _transformMetadatas: Map<unknown, Map<string, unknown>>;
  _exposeMetadatas: Map<unknown, Map<string, unknown>>;
  _excludeMetadatas: Map<unknown, Map<string, unknown>>;
};

let nextSite = 0;
const sites: Site[] = [];
const shapes = new Map<ClassConstructor<object>, ClassShape>();
const classIds = new Map<string, number>();

export function siteOf(id: number): Site | undefined {
  return sites[id];
}

function site(constraint: Constraint, onElement: boolean): number {
  sites[nextSite] = { constraint, onElement };
  return nextSite++;
}

function ancestors(cls: ClassConstructor<object>): unknown[] {
  const chain: unknown[] = [];
  for (let target: unknown = cls; target && target !== Object.prototype && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
    chain.push(target);
  }
  return chain;
}

/** Which subschema checks one class-validator constraint exactly as it does (the `each` wrapping aside). */
function constraintSchema(metadata: ValidationMetadata): Schema {
  const c = metadata.constraints ?? [];
  switch (metadata.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' }; // ajv's integer is finite and whole: Number.isInteger
    case 'isNumber': {
      const options = (c[0] ?? {}) as Record<string, unknown>;
      if (Object.values(options).some((v) => v !== undefined)) throw new Uncompilable(`IsNumber options on ${metadata.propertyName}`);
      return { type: 'number' }; // ajv's strict numbers refuse NaN and ±Infinity, as isNumber() does
    }
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isObject':
      return { type: 'object' };
    case 'isArray':
      return { type: 'array' };
    case 'isIn': {
      const values = c[0];
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')) {
        throw new Uncompilable(`IsIn values on ${metadata.propertyName}`);
      }
      return { enum: [...new Set(values)] };
    }
    case 'min':
      return { atLeast: numberConstraint(metadata) };
    case 'max':
      return { atMost: numberConstraint(metadata) };
    case 'isLength':
      return { type: 'string', textLength: [c[0], c[1] ?? null] };
    case 'maxLength':
      return { type: 'string', textLength: [0, c[0]] };
    case 'matches': {
      const [pattern, modifiers] = c;
      if (!(pattern instanceof RegExp) || pattern.flags !== '' || modifiers !== undefined) throw new Uncompilable(`Matches flags on ${metadata.propertyName}`);
      return { type: 'string', pattern: pattern.source };
    }
    case 'isUuid':
      return { type: 'string', uuid: c[0] ?? 'all' }; // validator.js reads a missing version as 'all'
    case 'isUrl':
      return { type: 'string', url: c[0] ?? {} }; // validator.js merges its defaults into either
    case 'arrayMinSize':
      return { type: 'array', minItems: c[0] };
    case 'arrayMaxSize':
      return { type: 'array', maxItems: c[0] };
    case 'isIsoWithOffset':
      return { type: 'string', isoWithOffset: true };
    case 'isCalendarDate':
      return { type: 'string', calendarDate: true };
    default:
      throw new Uncompilable(`no schema for @${metadata.name ?? metadata.type} on ${metadata.propertyName}`);
  }
}

function numberConstraint(metadata: ValidationMetadata): number {
  const bound = metadata.constraints?.[0];
  if (typeof bound !== 'number' || !Number.isFinite(bound)) throw new Uncompilable(`bound of ${metadata.propertyName}`);
  return bound;
}

/** Wraps a constraint's subschema the way `each: true` applies it: to every element of an array, else to the value itself. */
function withEach(metadata: ValidationMetadata, constraint: Constraint): Schema {
  const own = { ...constraintSchema(metadata), cv: site(constraint, false) };
  if (!metadata.each) return own;
  return { if: { type: 'array' }, then: { type: 'array', items: { ...constraintSchema(metadata), cv: site(constraint, true) } }, else: own };
}

/** Builds (once) the shape and schema of a class and of every class it nests; throws `Uncompilable`. */
export function shapeOf(cls: ClassConstructor<object>): ClassShape {
  const known = shapes.get(cls);
  if (known) return known;
  for (const target of ancestors(cls)) {
    for (const store of [transformerStorage._transformMetadatas, transformerStorage._exposeMetadatas, transformerStorage._excludeMetadatas]) {
      if (store.get(target)?.size) throw new Uncompilable(`${cls.name} uses @Transform, @Expose or @Exclude`);
    }
  }
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false, undefined);
  if (metadatas.length === 0) throw new Uncompilable(`${cls.name} has no validation metadata (class-validator refuses it as an unknown value)`);
  const count = (classIds.get(cls.name) ?? 0) + 1;
  classIds.set(cls.name, count);
  const types = new Map<string, ClassShape>();
  const properties: Array<{ name: string; constraints: Constraint[]; nested?: ClassShape }> = [];
  const whenMissing = new Map<string, Constraint[]>();
  const schema: Schema = { $id: `contract:${cls.name}${count > 1 ? `~${count}` : ''}`, type: 'object' };
  const shape: ClassShape = { cls, id: schema.$id as string, properties, whenMissing, types, schema };
  shapes.set(cls, shape); // before recursing: a class may nest itself
  try {
    const typeNames = new Set<string>();
    for (const target of ancestors(cls)) for (const name of transformerStorage._typeMetadatas.get(target)?.keys() ?? []) typeNames.add(name);
    for (const name of typeNames) {
      const meta = transformerStorage.findTypeMetadata(cls, name);
      const nestedCls = meta?.typeFunction?.({});
      if (
        meta?.options?.discriminator ||
        typeof nestedCls !== 'function' ||
        [String, Number, Boolean, Date, Object, Array, Map, Set].includes(nestedCls as never)
      ) {
        throw new Uncompilable(`@Type of ${cls.name}.${name} is not a contract class`);
      }
      types.set(name, shapeOf(nestedCls as ClassConstructor<object>));
    }
    const schemaProperties: Record<string, Schema> = {};
    const defs: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [name, group] of Object.entries(storage.groupByPropertyName(metadatas))) {
      const constraints: Constraint[] = [];
      const subschemas: Schema[] = [];
      let optional = false;
      let nested: ClassShape | undefined;
      for (const metadata of group) {
        if (metadata.type === 'conditionalValidation' && metadata.name === 'isOptional') optional = true;
        else if (metadata.type === 'customValidation') {
          const custom = storage.getTargetValidatorConstraints(metadata.constraintCls);
          if (custom.length !== 1 || custom[0].async) throw new Uncompilable(`${cls.name}.${name}: constraint ${metadata.name}`);
          const constraint = { metadata, key: custom[0].name || metadata.type, order: constraints.length, instance: custom[0].instance };
          constraints.push(constraint);
          subschemas.push(withEach(metadata, constraint));
        } else if (metadata.type === 'nestedValidation') {
          nested = types.get(name);
          if (!nested) throw new Uncompilable(`${cls.name}.${name}: @ValidateNested without @Type`);
        } else throw new Uncompilable(`${cls.name}.${name}: ${metadata.type} ${metadata.name ?? ''}`);
      }
      if (nested) {
        const nestedMeta = group.find((m) => m.type === 'nestedValidation') as ValidationMetadata;
        const constraint = { metadata: nestedMeta, key: 'nestedValidation', order: Number.MAX_SAFE_INTEGER };
        constraints.push(constraint);
        // class-validator walks arrays (of arrays…) element by element and validates objects as their class
        defs[name] = {
          if: { type: 'array' },
          then: { type: 'array', items: { $ref: `#/$defs/${name}` } },
          else: { allOf: [{ type: 'object', cv: site(constraint, false) }, { $ref: nested.id }] },
        };
        subschemas.push({ $ref: `#/$defs/${name}` });
      }
      properties.push({ name, constraints, nested });
      if (!optional) {
        const failing = constraints.filter(
          (c) =>
            c.instance &&
            !c.instance.validate(undefined, { value: undefined, constraints: c.metadata.constraints ?? [], targetName: cls.name, object: {}, property: name }),
        );
        if (failing.length > 0) {
          whenMissing.set(name, failing);
          required.push(name);
        }
      }
      const checks = { allOf: subschemas };
      schemaProperties[name] = optional ? { if: { type: 'null' }, else: checks } : checks;
    }
    Object.assign(schema, { properties: schemaProperties, required, ...(Object.keys(defs).length ? { $defs: defs } : {}) });
    return shape;
  } catch (error) {
    shapes.delete(cls);
    throw error;
  }
}
