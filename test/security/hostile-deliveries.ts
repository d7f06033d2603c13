import fc from 'fast-check';
import { orderData } from '@shopops/testing';
import { impossibleDateTime, unstorableFen, unstorableString } from './hostile-inputs';

/** Hostile webhook bodies and behaviour events, each with the field its refusal must name. */

const TYPES = ['order.paid', 'refund.requested', 'review.created', 'logistics.updated', 'message.received'] as const;
const FLAWS = ['unstorable-text', 'unstorable-extra', 'impossible-date', 'money', 'deep', 'prototype-key'] as const;

function baseEnvelope(type: (typeof TYPES)[number], id: string): { type: string; occurredAt: string; data: Record<string, unknown> } {
  const buyer = { platformUserId: `tb_h_${id}`, nickname: '小雨' };
  const data: Record<string, Record<string, unknown>> = {
    'order.paid': orderData(`TB-H-${id}`),
    'refund.requested': {
      orderId: `TB-H-${id}`,
      refundId: `R-${id}`,
      lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: 100 }],
      amountFen: 100,
      reason: '尺码',
    },
    'review.created': {
      reviewId: `RV-${id}`,
      orderId: `TB-H-${id}`,
      skuCode: 'LX-DRESS-001-BLK-M',
      buyer,
      rating: 4,
      text: '好',
      images: [],
      createdAt: '2026-11-12T10:00:00+08:00',
    },
    'logistics.updated': { trackingNo: `SF-${id}`, carrier: 'SF', status: 'in_transit', at: '2026-11-12T10:00:00+08:00', detail: '上海' },
    'message.received': { conversationId: `C-${id}`, buyer, text: '有M码吗', at: '2026-11-12T10:00:00+08:00' },
  };
  return { type, occurredAt: '2026-11-12T10:00:00+08:00', data: data[type] };
}

/** Every dotted path to a string (or, with `keys`, to one of those keys) in a value. */
function paths(value: unknown, accept: (key: string, v: unknown) => boolean, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [...(accept(key, child) ? [path] : []), ...paths(child, accept, path)];
  });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, target);
  parent[keys[keys.length - 1]] = value;
}

/** A signed-webhook body with one flaw no service can store, and the field the 400 must name. */
export const hostileWebhook = (stamp: number) =>
  fc
    .record({
      type: fc.constantFrom(...TYPES),
      flaw: fc.constantFrom(...FLAWS),
      pick: fc.nat(),
      text: unstorableString,
      date: impossibleDateTime,
      fen: unstorableFen,
      depth: fc.integer({ min: 33, max: 20_000 }),
      key: fc.constantFrom('constructor', '__proto__', 'prototype'),
      uid: fc.uuid(),
    })
    .map((c): { body: string; field: string } => {
      const moneyless = c.flaw === 'money' && c.type !== 'order.paid' && c.type !== 'refund.requested';
      const envelope = baseEnvelope(moneyless ? 'order.paid' : c.type, `${stamp}-${c.uid}`) as unknown as Record<string, unknown>;
      const pickOf = (candidates: string[]) => candidates[c.pick % candidates.length];
      switch (c.flaw) {
        case 'unstorable-text': {
          const field = pickOf(paths(envelope, (_k, v) => typeof v === 'string'));
          setPath(envelope, field, c.text);
          return { body: JSON.stringify(envelope), field };
        }
        case 'unstorable-extra':
          setPath(envelope, 'data.note', { remark: c.text });
          return { body: JSON.stringify(envelope), field: 'data.note.remark' };
        case 'impossible-date': {
          const field = pickOf(paths(envelope, (k) => ['occurredAt', 'placedAt', 'createdAt', 'at'].includes(k)));
          setPath(envelope, field, c.date);
          return { body: JSON.stringify(envelope), field };
        }
        case 'money': {
          const field = pickOf(paths(envelope, (k) => k.endsWith('Fen')));
          setPath(envelope, field, c.fen);
          return { body: JSON.stringify(envelope), field };
        }
        case 'deep':
          return { body: JSON.stringify(envelope).replace('"data":{', `"data":{"extra":${'['.repeat(c.depth)}1${']'.repeat(c.depth)},`), field: 'data.extra' };
        default:
          return { body: JSON.stringify(envelope).replace('"data":{', `"data":{"${c.key}":{"polluted":true},`), field: `data.${c.key}` };
      }
    });

const STRING_FIELDS = ['eventId', 'anonymousId', 'sessionId', 'channel', 'campaign', 'referrer', 'skuCode', 'productCode', 'query', 'orderId'];
export const validEvent = (id: string): Record<string, unknown> => ({
  eventId: `ev-h-${id}`,
  type: 'payment',
  occurredAt: '2026-11-12T20:00:00+08:00',
  anonymousId: `visitor-${id}`,
  channel: 'mall',
  device: 'mobile',
  source: 'kol',
  skuCode: 'LX-DRESS-001-BLK-M',
  amountFen: 12900,
  quantity: 1,
});

/** Spoils one field of a valid event and says which; deep values are marked for `withDeepValues`. */
export const hostileEvent = fc
  .record({
    flaw: fc.constantFrom('text', 'date', 'amount', 'quantity', 'deep-properties', 'prototype-key', 'experiment'),
    pick: fc.nat(),
    text: unstorableString,
    date: impossibleDateTime,
    fen: unstorableFen,
    quantity: fc.oneof(fc.integer({ min: 100_001, max: 2 ** 40 }), fc.constantFrom(1e300, 0, -1, 2.5)),
    depth: fc.integer({ min: 33, max: 5_000 }),
    key: fc.constantFrom('constructor', 'prototype'),
  })
  .map((c) => (event: Record<string, unknown>): string => {
    switch (c.flaw) {
      case 'text': {
        const field = STRING_FIELDS[c.pick % STRING_FIELDS.length];
        event[field] = c.text;
        return field;
      }
      case 'date':
        event.occurredAt = c.date;
        return 'occurredAt';
      case 'amount':
        event.amountFen = c.fen;
        return 'amountFen';
      case 'quantity':
        event.quantity = c.quantity;
        return 'quantity';
      case 'deep-properties':
        // Spliced into the JSON text by `withDeepValues`: JSON.stringify itself would overflow.
        event.properties = { deep: `${DEEP_MARK}${c.depth}` };
        return 'properties';
      case 'prototype-key':
        event.properties = { [c.key]: 'x' };
        return `properties.${c.key}`;
      default:
        event.experiment = { key: c.text, variant: 'A' };
        return 'experiment.key';
    }
  });

const DEEP_MARK = '@deep:';
/** Splices the marked deep values into the JSON text: JSON.stringify itself would overflow on them. */
export const withDeepValues = (json: string) =>
  json.replace(new RegExp(`"${DEEP_MARK}(\\d+)"`, 'g'), (_m, depth: string) => `${'['.repeat(Number(depth))}1${']'.repeat(Number(depth))}`);

/** Percent-encodes a path segment; lone surrogates go out as their WTF-8 bytes, which no UTF-8 decoder accepts. */
export function encodePathSegment(text: string): string {
  return text.replace(/[\uD800-\uDFFF]|[^\uD800-\uDFFF]+/g, (part) => {
    const unit = part.charCodeAt(0);
    if (part.length > 1 || unit < 0xd800 || unit > 0xdfff) return encodeURIComponent(part);
    return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  });
}
