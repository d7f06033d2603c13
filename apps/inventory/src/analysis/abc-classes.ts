import { selectRows, type Queryable } from '@shopops/platform';
import { classifyAbc, type AbcClass } from './abc';

export interface SkuStockValue {
  readonly skuCode: string;
  readonly categoryCode: string | null;
  /** On hand over every location × the primary supplier's unit cost (else a share of list price). */
  readonly value: number;
  readonly abcClass: AbcClass;
  readonly cumulativeShare: number;
}

/** Every stocked SKU's stock value and ABC class, most valuable first: one statement over the levels. */
export async function classifyStockByValue(db: Queryable, shares: { aShare: number; bShare: number }, defaultCostShare: number): Promise<SkuStockValue[]> {
  const rows = await selectRows<{ sku_code: string; category_code: string | null; value: number }>(
    db,
    `SELECT k.sku_code, k.category_code,
            (sum(l.on_hand) * coalesce((SELECT unit_cost_fen FROM sku_supplier s WHERE s.sku_code = k.sku_code ORDER BY backup_order LIMIT 1),
                                       round(k.list_price_fen * $1::numeric)))::float8 AS value
       FROM stock_level l JOIN known_sku k ON k.sku_code = l.sku_code
      GROUP BY k.sku_code, k.category_code, k.list_price_fen`,
    [defaultCostShare],
  );
  return classifyAbc(
    rows.map((r) => ({ skuCode: r.sku_code, categoryCode: r.category_code, value: r.value })),
    shares.aShare,
    shares.bShare,
  );
}
