import type { TrackedEvent } from '@shopops/contracts';
import { execute, type TransactionContext } from '@shopops/platform';

/** How much each kind of engagement with a product counts toward the member's styles (its product's tags). */
export const STYLE_WEIGHTS: Readonly<Partial<Record<TrackedEvent['type'], number>>> = { product_view: 1, add_to_cart: 3, order: 5 };

/** One signed-in event about a product, as the style and impulse tags read it. */
export interface ProductSignal {
  readonly memberId: string;
  readonly type: TrackedEvent['type'];
  readonly productCode: string | null;
  readonly skuCode: string | null;
  readonly at: string;
}

/** A tracked event worth a signal: signed in, about a product (by product or SKU code), of a weighed kind. */
export function productSignal(event: TrackedEvent, memberId: string): ProductSignal | undefined {
  if (STYLE_WEIGHTS[event.type] === undefined || (!event.productCode && !event.skuCode)) return undefined;
  return { memberId, type: event.type, productCode: event.productCode ?? null, skuCode: event.skuCode ?? null, at: event.occurredAt };
}

/** The batch's signals, each with its product code (from the event, else its SKU's product) and weight. */
const RESOLVED = `
  SELECT s.member_id, coalesce(s.product_code, cs.product_code) AS product_code, s.kind, s.at, s.weight
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[]) AS s(member_id, product_code, sku_code, kind, at, weight)
    LEFT JOIN catalog_sku cs ON cs.sku_code = s.sku_code
   WHERE EXISTS (SELECT 1 FROM member m WHERE m.id = s.member_id AND m.status = 'ACTIVE')`;

/**
 * Records a batch of product signals set-based: each member's first view of each product, their
 * weighted engagement per product tag (style tags), and their tracked orders of products they had
 * viewed, counting those placed within `impulseMinutes` of the first view (the impulse-buyer tag).
 * Views are stored first, so an order in the same batch as its first view is judged against it.
 */
export async function recordProductSignals(tx: TransactionContext, signals: readonly ProductSignal[], impulseMinutes: number): Promise<void> {
  if (!signals.length) return;
  const params = [
    signals.map((s) => s.memberId),
    signals.map((s) => s.productCode),
    signals.map((s) => s.skuCode),
    signals.map((s) => s.type),
    signals.map((s) => s.at),
    signals.map((s) => STYLE_WEIGHTS[s.type] ?? 0),
  ];
  await execute(
    tx.em,
    `INSERT INTO member_product_view (member_id, product_code, first_viewed_at)
     SELECT member_id, product_code, min(at) FROM (${RESOLVED}) r WHERE kind = 'product_view' AND product_code IS NOT NULL GROUP BY member_id, product_code
     ON CONFLICT (member_id, product_code) DO UPDATE SET first_viewed_at = least(member_product_view.first_viewed_at, EXCLUDED.first_viewed_at)`,
    params,
  );
  await execute(
    tx.em,
    `INSERT INTO member_style (member_id, tag, weight)
     SELECT r.member_id, t.tag, sum(r.weight) FROM (${RESOLVED}) r JOIN catalog_product p ON p.product_code = r.product_code CROSS JOIN unnest(p.tags) AS t(tag)
      GROUP BY r.member_id, t.tag
     ON CONFLICT (member_id, tag) DO UPDATE SET weight = member_style.weight + EXCLUDED.weight`,
    params,
  );
  await execute(
    tx.em,
    `UPDATE member m SET tracked_purchases = m.tracked_purchases + p.purchases, impulse_purchases = m.impulse_purchases + p.impulse
       FROM (SELECT r.member_id, count(*)::int AS purchases, count(*) FILTER (WHERE r.at <= v.first_viewed_at + make_interval(mins => $7))::int AS impulse
               FROM (${RESOLVED}) r JOIN member_product_view v ON v.member_id = r.member_id AND v.product_code = r.product_code AND v.first_viewed_at <= r.at
              WHERE r.kind = 'order' GROUP BY r.member_id) p
      WHERE m.id = p.member_id`,
    [...params, impulseMinutes],
  );
  await execute(tx.em, `INSERT INTO rfm_dirty (member_id) SELECT id FROM member WHERE id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`, [
    [...new Set(signals.map((s) => s.memberId))],
  ]);
}
