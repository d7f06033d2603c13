import 'reflect-metadata';
import { findUnstorableJson, MAX_JSON_DEPTH } from './storable-json';
import { isCalendarDate, isCalendarMonth, isIsoWithOffset } from './webhooks/iso-timestamp';
import { OrderData } from './webhooks/webhook-payloads';
import { validatePlain } from './validation';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('findUnstorableJson', () => {
  it('finds NUL and lone surrogates in values and keys, naming the path', () => {
    expect(findUnstorableJson({ buyer: { nickname: 'a\u0000b' } })).toEqual([{ field: 'buyer.nickname', message: expect.stringContaining('NUL') }]);
    expect(findUnstorableJson({ lines: [{ note: 'x\uD800' }] })).toEqual([{ field: 'lines.0.note', message: expect.stringContaining('lone surrogate') }]);
    expect(findUnstorableJson({ extra: { ['\uDC00k']: 1 } })[0].field).toBe('extra.\uDC00k');
    expect(findUnstorableJson({ text: 'ok 😀 \uD83D\uDE00' })).toEqual([]);
  });

  it('refuses prototype keys and nesting beyond the limit, without overflowing on any depth', () => {
    expect(findUnstorableJson(JSON.parse('{"data": {"__proto__": {"x": 1}}}'))[0].field).toBe('data.__proto__');
    expect(findUnstorableJson({ constructor: { name: 'x' } })[0].field).toBe('constructor');
    expect(findUnstorableJson(nested(MAX_JSON_DEPTH))).toEqual([]);
    expect(findUnstorableJson(nested(MAX_JSON_DEPTH + 1))[0].message).toMatch(/nested more than/);
    expect(findUnstorableJson(nested(200_000))).toHaveLength(1);
  });

  it('is part of every plain validation, extra fields included', () => {
    const order = {
      orderId: 'O1',
      buyer: { platformUserId: 'u' },
      lines: [{ skuCode: 'S', quantity: 1, unitPriceFen: 1 }],
      totalFen: 1,
      placedAt: '2026-11-11T00:00:01+08:00',
    };
    expect(validatePlain(OrderData, order).ok).toBe(true);
    expect(validatePlain(OrderData, { ...order, extra: nested(10_001) }).ok).toBe(false);
    expect(validatePlain(OrderData, { ...order, constructor: 'x' }).ok).toBe(false);
  });
});

describe('dates that exist', () => {
  it.each([
    '2026-02-30T00:00:00+08:00',
    '2026-13-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:60:00Z',
    '2026-01-01T00:00:60Z',
    '2026-01-01T00:00:00+15:00',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-14:00',
  ])('refuses %s', (value) => expect(isIsoWithOffset(value)).toBe(false));

  it.each(['2026-11-11T00:00:01+08:00', '2028-02-29T23:59:59.999Z', '2026-12-31T23:59:59-14:00', '2026-11-11T00:00+05:45'])('accepts %s', (value) => {
    expect(isIsoWithOffset(value)).toBe(true);
  });

  it('checks shop days and months the same way', () => {
    expect([isCalendarDate('2026-02-28'), isCalendarDate('2026-02-30'), isCalendarDate('2026-00-10')]).toEqual([true, false, false]);
    expect([isCalendarMonth('2026-12'), isCalendarMonth('2026-13'), isCalendarMonth('2026-00')]).toEqual([true, false, false]);
  });
});

describe('amounts that fit', () => {
  it('refuses 2^31 fen and more where consumers store integer fen', () => {
    const order = {
      orderId: 'O1',
      buyer: { platformUserId: 'u' },
      lines: [{ skuCode: 'S', quantity: 1, unitPriceFen: 2 ** 31 - 1 }],
      totalFen: 2 ** 31,
      placedAt: '2026-11-11T00:00:01+08:00',
    };
    const checked = validatePlain(OrderData, order);
    expect(checked.ok ? [] : checked.problems.map((p) => p.field)).toEqual(['totalFen']);
  });
});
