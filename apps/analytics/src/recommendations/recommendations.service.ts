import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { round4 } from '../figures';

@ObjectType()
export class AssociationRule {
  @Field(() => String, { description: 'Bought with the given SKU' }) skuCode!: string;
  @Field(() => Int, { description: 'Orders holding both' }) orders!: number;
  @Field(() => Float, { description: 'P(both) over all orders' }) support!: number;
  @Field(() => Float, { description: 'P(this | given)' }) confidence!: number;
  @Field(() => Float, { description: 'confidence / P(this); above 1 means bought together more than by chance' }) lift!: number;
}

@ObjectType()
export class SimilarProduct {
  @Field(() => String) skuCode!: string;
  @Field(() => Int, { description: 'Sessions that viewed both' }) coViews!: number;
  @Field(() => Int, { description: 'Orders that bought both' }) coPurchases!: number;
  @Field(() => Float, { description: 'coPurchases × 3 + coViews: buying together counts more than looking together' }) score!: number;
}

/**
 * "Frequently bought together" from co-purchase counts kept as orders arrive (never recomputed
 * from history); a member's picks are the best rules from what they bought, minus what they have.
 */
@Injectable()
export class RecommendationsService {
  constructor(private readonly dataSource: DataSource) {}

  async boughtTogether(skuCodes: readonly string[], minOrders: number, limit: number, exclude: readonly string[] = []): Promise<AssociationRule[]> {
    const rows = await selectRows<{ sku: string; orders: number; support: number; confidence: number; lift: number }>(
      this.dataSource,
      `SELECT p.sku_b AS sku, max(p.orders)::int AS orders, max(p.orders::float / t.orders) AS support, max(p.orders::float / a.orders) AS confidence,
              max((p.orders::float / a.orders) / (b.orders::float / t.orders)) AS lift
         FROM item_pair p JOIN item_orders a ON a.sku_code = p.sku_a JOIN item_orders b ON b.sku_code = p.sku_b CROSS JOIN basket_total t
        WHERE p.sku_a = ANY ($1) AND p.orders >= $2 AND NOT (p.sku_b = ANY ($4))
        GROUP BY p.sku_b ORDER BY lift DESC, orders DESC, sku LIMIT $3`,
      [skuCodes, minOrders, limit, [...exclude, ...skuCodes]],
    );
    return rows.map((r) =>
      Object.assign(new AssociationRule(), {
        skuCode: r.sku,
        orders: r.orders,
        support: round4(r.support),
        confidence: round4(r.confidence),
        lift: round4(r.lift),
      }),
    );
  }

  /** For a buyer (channel:platformUserId): rules from everything they bought, skipping what they have. */
  async picksFor(buyerId: string, limit: number): Promise<AssociationRule[]> {
    const bought = await selectRows<{ sku: string }>(
      this.dataSource,
      `SELECT DISTINCT l->>'skuCode' AS sku FROM order_fact, jsonb_array_elements(lines) l WHERE buyer_id = $1`,
      [buyerId],
    );
    const skus = bought.map((b) => b.sku);
    return skus.length ? this.boughtTogether(skus, 1, limit, skus) : [];
  }

  /** Item-to-item "you may also like" from co-views and co-purchases, both kept as events arrive. */
  async similar(skuCode: string, limit: number): Promise<SimilarProduct[]> {
    const rows = await selectRows<{ sku: string; views: number; purchases: number }>(
      this.dataSource,
      `SELECT sku, coalesce(max(views), 0)::int AS views, coalesce(max(purchases), 0)::int AS purchases FROM (
         SELECT sku_b AS sku, sessions AS views, NULL::int AS purchases FROM view_pair WHERE sku_a = $1
         UNION ALL SELECT sku_b, NULL, orders FROM item_pair WHERE sku_a = $1) x
        GROUP BY sku ORDER BY coalesce(max(purchases), 0) * 3 + coalesce(max(views), 0) DESC, sku LIMIT $2`,
      [skuCode, limit],
    );
    return rows.map((r) =>
      Object.assign(new SimilarProduct(), { skuCode: r.sku, coViews: r.views, coPurchases: r.purchases, score: r.purchases * 3 + r.views }),
    );
  }
}
