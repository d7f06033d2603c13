import { Inject, Injectable } from '@nestjs/common';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { PriceHonestyError } from './pricing.model';

/** Days of the price-honesty window are the shop's calendar days (DOMAIN: business time zone). */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';

export interface PromotedSku {
  readonly id: string;
  readonly code: string;
  /** The "was" price shown for it: the promotion's, or the SKU's list price. */
  readonly wasPriceFen: number;
}

/**
 * 划线价: a promotion's "was" price may not exceed the lowest price a SKU was listed at or charged
 * in the `priceHonestyDays` shop days before the promotion starts (the start day included, up to
 * the start). Checked when the promotion is created, again when it starts, and when a SKU's list
 * price changes while it is scheduled: a scheduled promotion that no longer holds is suspended.
 */
@Injectable()
export class PriceHonesty {
  constructor(@Inject(CATALOG_CONFIG) private readonly config: CatalogConfig) {}

  /** The first SKU whose "was" price is above its lowest price in the window, as the refusal. */
  async firstDishonest(tx: TransactionContext, startsAt: Date | string, skus: readonly PromotedSku[]): Promise<PriceHonestyError | undefined> {
    if (!skus.length) return undefined;
    const days = this.config.priceHonestyDays;
    const lowest = await selectRows<{ id: string; lowest: number | null }>(
      tx.em,
      `WITH w AS (SELECT d.start_day, d.start_day - $3::int AS first_day, ((d.start_day - $3::int)::timestamp AT TIME ZONE $4) AS opens
                    FROM (SELECT ($2::timestamptz AT TIME ZONE $4)::date AS start_day) d)
       SELECT s.id, least(
          (SELECT min(h.list_price_fen) FROM price_history h WHERE h.sku_id = s.id AND h.at <= $2::timestamptz
              AND (h.at >= w.opens OR h.id = (SELECT max(h0.id) FROM price_history h0 WHERE h0.sku_id = s.id AND h0.at < w.opens))),
          (SELECT min(d.lowest_unit_price_fen) FROM sku_sale d WHERE d.sku_code = s.code AND d.day BETWEEN w.first_day AND w.start_day)) AS lowest
         FROM sku s CROSS JOIN w WHERE s.id = ANY($1::uuid[]) ORDER BY s.code`,
      [skus.map((s) => s.id), new Date(startsAt).toISOString(), days, SHOP_TIME_ZONE],
    );
    for (const row of lowest) {
      const sku = skus.find((s) => s.id === row.id)!;
      if (row.lowest !== null && sku.wasPriceFen > row.lowest) return PriceHonestyError.of(sku.code, sku.wasPriceFen, row.lowest, days);
    }
    return undefined;
  }

  /**
   * Re-checks scheduled promotions that show a "was" price (flash sales, or any given one): those
   * starting now (`dueOnly`) or those on the given SKUs. Returns the ids suspended.
   */
  // The starting job skips promotions another run holds; a price change waits for them.
  async suspendDishonest(tx: TransactionContext, scope: { dueOnly: true } | { skuIds: readonly string[] }): Promise<string[]> {
    const promotions = await selectRows<{ id: string; starts_at: Date }>(
      tx.em,
      `SELECT p.id, p.starts_at FROM promotion p
        WHERE p.status = 'SCHEDULED' AND (p.kind = 'FLASH_SALE' OR p.was_price_fen IS NOT NULL)
          AND ($1::boolean IS NOT TRUE OR p.starts_at <= now())
          AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM promotion_sku ps WHERE ps.promotion_id = p.id AND ps.sku_id = ANY($2::uuid[])))
        ORDER BY p.id ${'dueOnly' in scope ? 'FOR UPDATE SKIP LOCKED' : 'FOR UPDATE'}`,
      ['dueOnly' in scope ? true : null, 'skuIds' in scope ? scope.skuIds : null],
    );
    const suspended: string[] = [];
    for (const p of promotions) {
      const skus = await selectRows<{ id: string; code: string; was_price_fen: number }>(
        tx.em,
        `SELECT s.id, s.code, coalesce(p.was_price_fen, s.list_price_fen) AS was_price_fen
           FROM promotion p JOIN promotion_sku ps ON ps.promotion_id = p.id JOIN sku s ON s.id = ps.sku_id WHERE p.id = $1`,
        [p.id],
      );
      const refusal = await this.firstDishonest(
        tx,
        p.starts_at,
        skus.map((s) => ({ id: s.id, code: s.code, wasPriceFen: s.was_price_fen })),
      );
      if (!refusal) continue;
      await execute(tx.em, `UPDATE promotion SET status = 'SUSPENDED', suspended_reason = $2 WHERE id = $1`, [p.id, refusal.message]);
      suspended.push(p.id);
    }
    return suspended;
  }
}
