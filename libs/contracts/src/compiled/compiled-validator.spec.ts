import { isDeepStrictEqual } from 'node:util';
import type { ClassConstructor } from 'class-transformer';
import '../index';
import { TrackedEvent } from '../analytics/tracked-event';
import { allEventDefinitions } from '../events/define-event';
import { validatePlain, validatePlainWithClassValidator } from '../validation';
import { WEBHOOK_DATA_CLASSES, WebhookEnvelope } from '../webhooks/webhook-payloads';
import { shapeOf, type ClassShape, type Constraint } from './contract-schema';
import { compiledValidator, NOT_PLAIN, uncompilableContracts } from './compiled-validator';

/**
 * The compiled validators must mean exactly what class-validator means: for every contract class,
 * seeded valid payloads and hostile mutations of them get the same decision, the same problems
 * (fields, messages, order) and, when accepted, the same value (class instances included).
 */

type Json = unknown;
type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

function nested(depth: number): Json {
  let value: Json = { leaf: 'x' };
  for (let i = 0; i < depth; i += 1) value = i % 2 ? { deeper: value } : [value];
  return value;
}

/** Values that are valid for some constraint or break one: class-validator's own checks pick the valid ones. */
function candidates(rng: Rng): Json[] {
  const hex = () => Math.floor(rng() * 16).toString(16);
  const uuid = `${Array.from({ length: 8 }, hex).join('')}-${Array.from({ length: 4 }, hex).join('')}-4${Array.from({ length: 3 }, hex).join('')}-a${Array.from({ length: 3 }, hex).join('')}-${Array.from({ length: 12 }, hex).join('')}`;
  const year = 1970 + Math.floor(rng() * 100);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${year}-${two(1 + Math.floor(rng() * 12))}-${two(1 + Math.floor(rng() * 28))}`;
  return [
    uuid,
    day,
    `${day}T${two(Math.floor(rng() * 24))}:${two(Math.floor(rng() * 60))}:${two(Math.floor(rng() * 60))}${pick(rng, ['Z', '+08:00', '-05:30', '.123Z'])}`,
    `${day}T10:00+08:00`,
    'https://img.example.com/p/1.jpg',
    'taobao',
    'jd-global',
    'SKU-RED-M',
    'evt-0001:abc.x_y',
    '123456',
    '310000',
    '+8613800138000',
    'a',
    'x'.repeat(64),
    'x'.repeat(65),
    '0123456789',
    '👗 dress',
    'hello world',
    ...['LIST', 'TIER', 'RESERVED', 'FLASH_SALE', 'info', 'positive', 'coupon', 'product', 'mobile', 'feed', 'order.created', 'in_transit', 'DRAFT', 'GROWTH'],
    ...[
      'after-sales',
      'review',
      'FIRST_RESPONSE',
      'product_view',
      'warning',
      'neutral',
      'holdout',
      'shop',
      'delivered',
      'ON_SALE',
      'EXIT',
      'COMMITTED',
      'order.paid',
    ],
    0,
    1,
    5,
    42,
    100,
    99_999,
    100_000,
    2 ** 31 - 1,
    -3,
    1.5,
    Math.floor(rng() * 1000),
    rng() * 100,
    true,
    false,
  ];
}

function passes(constraint: Constraint, value: Json, object: object): boolean {
  const { metadata, instance } = constraint;
  if (!instance) return true;
  const check = (v: Json) =>
    instance.validate(v, { value: v, constraints: metadata.constraints ?? [], targetName: metadata.target.name, object, property: metadata.propertyName });
  if (metadata.each && Array.isArray(value)) return value.every((v) => check(v));
  return Boolean(check(value));
}

/** A payload class-validator accepts, built from the class's own constraints. */
function validPayload(shape: ClassShape, rng: Rng, depth = 0): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const property of shape.properties) {
    const optional = !shape.whenMissing.has(property.name) && !property.nested;
    if ((optional || property.constraints.every((c) => !c.instance)) && rng() < 0.3) {
      if (rng() < 0.5) out[property.name] = null; // skipped by @IsOptional
      continue;
    }
    const custom = property.constraints.filter((c) => c.instance);
    const isArray = custom.some((c) => c.key === 'isArray' || c.key === 'arrayMinSize' || c.key === 'arrayMaxSize');
    const each = custom.filter((c) => c.metadata.each);
    let value: Json;
    if (property.nested) {
      const one = () => validPayload(property.nested as ClassShape, rng, depth + 1);
      value = isArray ? Array.from({ length: 1 + Math.floor(rng() * 3) }, one) : one();
    } else if (isArray) {
      const elements = candidates(rng).filter((c) => each.every((e) => passes(e, [c], out)));
      value = elements.length ? Array.from({ length: Math.floor(rng() * 4) }, () => pick(rng, elements)) : [];
    } else if (custom.some((c) => c.key === 'isObject')) {
      value = rng() < 0.5 ? {} : { campaign: 'double11', position: 3, first: true };
    } else {
      const fitting = candidates(rng).filter((c) => custom.every((k) => passes(k, c, out)));
      if (fitting.length === 0) throw new Error(`no candidate fits ${shape.cls.name}.${property.name}`);
      value = pick(rng, fitting);
    }
    out[property.name] = value;
  }
  if (rng() < 0.3) out.extraField = pick(rng, ['kept', 12, { nested: ['x'] }, null]);
  return out;
}

const HOSTILE: Json[] = [
  'nul\u0000inside',
  'lone \uD800 high',
  '\uDC00',
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '2026-02-30T00:00:00+08:00',
  '2026-13-01T00:00:00Z',
  '2026-11-11T24:00:00+08:00',
  '1969-12-31T23:59:59Z',
  '9999-01-01T00:00:00Z',
  '2026-11-11T00:00:00+15:00',
  '2026-11-11',
  '2026-02-29',
  '2024-02-29',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ftp://example.com/x',
  'img.example.com/x.jpg',
  'é\uFE0F'.repeat(40),
  '👗'.repeat(64),
  '👗'.repeat(65),
  'x'.repeat(501),
  'x'.repeat(5001),
  'TAOBAO',
  Infinity,
  -Infinity,
  NaN,
  1e308,
  2 ** 53 + 1,
  2 ** 31,
  -0,
  -1,
  0.5,
  true,
  null,
  [],
  [[]],
  [{}],
  [null],
  ['x'],
  [1, 'x'],
  {},
  { a: 1 },
  nested(31),
  nested(40),
  nested(2000),
];

/** Every object (with its path) inside a payload, the root included. */
function objectsIn(value: Json, path: string[] = []): Array<{ object: Record<string, Json>; path: string[] }> {
  if (value === null || typeof value !== 'object') return [];
  const found = Array.isArray(value) ? [] : [{ object: value as Record<string, Json>, path }];
  for (const [key, child] of Object.entries(value)) found.push(...objectsIn(child, [...path, key]));
  return found;
}

/** A deep copy made in this realm (structuredClone's objects come from another one under Jest, and would not be plain). */
function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
}

function mutate(payload: Record<string, Json>, rng: Rng): Record<string, Json> {
  const copy = clone(payload);
  const { object } = pick(rng, objectsIn(copy));
  const keys = Object.keys(object);
  const key = keys.length && rng() < 0.8 ? pick(rng, keys) : pick(rng, ['extra', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'ke\u0000y', 'k\uDBFFey']);
  const kind = rng();
  if (kind < 0.45) object[key] = pick(rng, HOSTILE);
  else if (kind < 0.55) delete object[key];
  else if (kind < 0.65)
    object[key] = [object[key]]; // an object where a list is expected and back: [[line]], [buyer]
  else if (kind < 0.7) object[key] = [[object[key]]];
  else if (kind < 0.8) {
    // an own prototype key, as JSON.parse makes it
    const value = { polluted: true };
    Object.defineProperty(object, pick(rng, ['__proto__', 'constructor', 'prototype']), { value, enumerable: true, writable: true, configurable: true });
  } else if (kind < 0.9)
    object[key] = typeof object[key] === 'string' ? `${object[key]}${pick(rng, ['\u0000', '\uD83D', 'x'.repeat(70), '\uFE0F'])}` : pick(rng, HOSTILE);
  else {
    for (const other of keys) if (rng() < 0.5) object[other] = pick(rng, HOSTILE);
  }
  return copy;
}

const contractClasses: Array<ClassConstructor<object>> = [
  ...new Set([...allEventDefinitions().map((d) => d.payloadClass), TrackedEvent, WebhookEnvelope, ...Object.values(WEBHOOK_DATA_CLASSES)]),
] as Array<ClassConstructor<object>>;

function agree(cls: ClassConstructor<object>, payload: Json): void {
  // the compiled validator itself decided (it hands only non-JSON values back to class-validator)
  expect(compiledValidator(cls)?.(payload as object)).not.toBe(NOT_PLAIN);
  const compiled = validatePlain(cls, payload);
  const reference = validatePlainWithClassValidator(cls, payload);
  if (!isDeepStrictEqual(compiled, reference)) {
    throw new Error(
      `${cls.name} disagrees on ${JSON.stringify(payload)?.slice(0, 2000)}:\ncompiled ${JSON.stringify(compiled)}\nclass-validator ${JSON.stringify(reference)}`,
    );
  }
}

describe('compiled contract validators', () => {
  it('compile every event payload and webhook contract class', () => {
    for (const cls of contractClasses) compiledValidator(cls);
    expect([...uncompilableContracts().entries()].map(([cls, why]) => `${cls.name}: ${why}`)).toEqual([]);
  });

  it.each(contractClasses.map((cls) => [cls.name, cls] as const))('%s: same decision, problems and value as class-validator', (_name, cls) => {
    const rng = mulberry32(0x5eed ^ (cls.name.length * 7919));
    const shape = shapeOf(cls);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 150; i += 1) {
      const valid = validPayload(shape, rng);
      expect(validatePlainWithClassValidator(cls, valid).ok).toBe(true);
      agree(cls, valid);
      for (let j = 0; j < 4; j += 1) {
        const hostile = mutate(valid, rng);
        agree(cls, hostile);
        if (validatePlainWithClassValidator(cls, hostile).ok) accepted += 1;
        else refused += 1;
      }
    }
    // the mutations reach both sides of the decision
    expect(refused).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses what is not a JSON object, like class-validator', () => {
    for (const plain of [null, undefined, 'x', 1, [], [{}]])
      expect(validatePlain(TrackedEvent, plain)).toEqual(validatePlainWithClassValidator(TrackedEvent, plain));
  });

  it('hands values that are not plain JSON (a Date) to class-validator', () => {
    const plain = { eventId: 'evt-00000001', at: new Date(0) };
    expect(validatePlain(TrackedEvent, plain)).toEqual(validatePlainWithClassValidator(TrackedEvent, plain));
  });
});
