import fc from 'fast-check';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputType } from 'graphql';

/** Hostile values the suite sends to every edge; generated with fast-check from one seed. */

/** Text PostgreSQL cannot store: NUL, and lone surrogates of either half. */
export const UNSTORABLE_CHARS = ['\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'] as const;

/** A string with one unstorable character somewhere in it. */
export const unstorableString = fc
  .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...UNSTORABLE_CHARS), fc.string({ maxLength: 12 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** Calendar positions no clock shows: 30 February, month 13, hour 24, second 60, offset +15:00. */
export const impossibleDateTime = fc
  .record({
    year: fc.integer({ min: 1970, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    flaw: fc.constantFrom('day', 'month', 'hour', 'minute', 'second', 'offset'),
  })
  .map(({ year, month, flaw }) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = flaw === 'day' ? daysInMonth + 1 : 15;
    const monthText = flaw === 'month' ? '13' : pad(month);
    const time = `${flaw === 'hour' ? '24' : '10'}:${flaw === 'minute' ? '60' : '30'}:${flaw === 'second' ? '60' : '00'}`;
    return `${year}-${monthText}-${pad(Math.min(day, 32))}T${time}${flaw === 'offset' ? '+15:00' : '+08:00'}`;
  });

/** Dates and months in the forms the API takes as strings, none of which exist. */
export const impossibleDateText = fc.oneof(
  impossibleDateTime,
  impossibleDateTime.map((text) => text.slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13', '2026-00', '0000-00-00', '9999-99-99', '2026-02-30T00:00:00+08:00'),
);

/** Amounts no `integer` fen column holds, and numbers that are no amount at all. */
export const unstorableFen = fc.oneof(fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(2 ** 31, 1e300, 1.5, -1));

/** Strings a careless resolver would pass to SQL or parse: the hostile part of every String argument. */
const hostileText = fc.oneof(
  { weight: 4, arbitrary: unstorableString },
  { weight: 3, arbitrary: impossibleDateText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', "'; DROP TABLE outbox; --", '99999999999999999999', '1e400', 'NaN', '-1', '%00', '../../etc/passwd') },
  { weight: 1, arbitrary: fc.constantFrom('LX-DRESS-001-BLK-M', 'CENTRAL', 'taobao', '2026-11-11', '2026-11', '2026-11-11T00:00:00+08:00') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Ids: mostly not UUIDs (`member(id: "x")`), some UUIDs of nothing. */
export const hostileId = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'not-a-uuid',
      '------------------------------------',
      'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
      '1',
      '0',
      '00000000-0000-0000-0000-00000000000g',
    ),
  },
  { weight: 2, arbitrary: unstorableString },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
);

/** Int edges, and numbers GraphQL's 32-bit Int cannot hold (the gateway must refuse them as input). */
const hostileInt = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(2147483647, -2147483648, 0, -1, 1, 100000) },
  { weight: 4, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e20, 0.5) },
);
const hostileFloat = fc.oneof(fc.constantFrom(1e308, -1e308, 2 ** 31, 2 ** 53, 0.5, -0.5, 0), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** A value of a GraphQL input type, hostile at its leaves; nullable positions are sometimes left out. */
export function graphqlValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return graphqlValue(type.ofType, depth);
  const inner = nonNullValue(type, depth);
  return fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
}

function nonNullValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return graphqlValue(type, depth);
  if (isListType(type)) return fc.array(graphqlValue(type.ofType, depth + 1), { minLength: 1, maxLength: depth > 2 ? 1 : 3 });
  const named = getNamedType(type);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.name));
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) record[field.name] = isNonNullType(field.type) ? graphqlValue(field.type, depth + 1) : graphqlValue(field.type, depth + 1);
    const requiredKeys = fields.filter((f) => isNonNullType(f.type) || depth < 1).map((f) => f.name);
    return fc.record(record, { requiredKeys });
  }
  switch (named.name) {
    case 'ID':
      return hostileId;
    case 'Int':
      return hostileInt;
    case 'Float':
      return hostileFloat;
    case 'Boolean':
      return fc.boolean();
    default:
      return hostileText;
  }
}

/** Values for every argument of a field (all required ones, some optional ones). */
export function graphqlArguments(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of args) record[arg.name] = graphqlValue(arg.type);
  return fc.record(record, { requiredKeys: args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name) });
}
