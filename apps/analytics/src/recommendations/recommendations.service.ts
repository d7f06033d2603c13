import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Inject, Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { ratio, round4 } from '../figures';

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
@ObjectType()
export class TierPick {
  @Field(() => String) skuCode!: string;
  @Field(() => Int, { description: 'Members of the tier who bought it' }) buyers!: number;
  @Field(() => Int, { description: 'Their orders holding it' }) orders!: number;
  @Field(() => Float, { description: 'buyers ÷ members of the tier who bought anything' }) buyerShare!: number;
}

@Injectable()
export class RecommendationsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

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

  /**
   * What members of a tier buy most (by how many of them bought it), minus `exclude`. A member is
   * in the tier membership last announced for them, or in the entry tier if it never announced one;
   * their orders on every linked account count.
   */
  async picksForTier(tier: string, limit: number, exclude: readonly string[] = []): Promise<TierPick[]> {
    const rows = await selectRows<{ sku: string; buyers: number; orders: number; tier_buyers: number }>(
      this.dataSource,
      `WITH members AS (
         SELECT a.member_id, a.channel || ':' || a.platform_user_id AS buyer_id FROM member_account a LEFT JOIN member_tier t ON t.member_id = a.member_id
          WHERE coalesce(t.tier, $2) = $1),
       bought AS (
         SELECT m.member_id, o.channel, o.order_id, l->>'skuCode' AS sku
           FROM members m JOIN order_fact o ON o.buyer_id = m.buyer_id CROSS JOIN LATERAL jsonb_array_elements(o.lines) l)
       SELECT sku, count(DISTINCT member_id)::int AS buyers, count(DISTINCT (channel, order_id))::int AS orders,
              (SELECT count(DISTINCT member_id) FROM bought)::int AS tier_buyers
         FROM bought WHERE NOT (sku = ANY ($4)) GROUP BY sku ORDER BY buyers DESC, orders DESC, sku LIMIT $3`,
      [tier, this.config.entryTier, limit, exclude],
    );
    return rows.map((r) =>
      Object.assign(new TierPick(), { skuCode: r.sku, buyers: r.buyers, orders: r.orders, buyerShare: ratio(r.buyers, r.tier_buyers) ?? 0 }),
    );
  }

  /** A buyer's tier's picks, skipping what the buyer (any account of their member) already has. */
  async tierPicksFor(channel: string, platformUserId: string, limit: number): Promise<TierPick[]> {
    const [buyer] = await selectRows<{ tier: string; bought: string[] }>(
      this.dataSource,
      `WITH me AS (SELECT member_id FROM member_account WHERE channel = $1 AND platform_user_id = $2),
            accounts AS (SELECT a.channel || ':' || a.platform_user_id AS buyer_id FROM member_account a JOIN me USING (member_id)
                          UNION SELECT $1 || ':' || $2)
       SELECT coalesce((SELECT t.tier FROM member_tier t JOIN me USING (member_id)), $3) AS tier,
              coalesce((SELECT array_agg(DISTINCT l->>'skuCode') FROM order_fact o CROSS JOIN LATERAL jsonb_array_elements(o.lines) l
                         WHERE o.buyer_id IN (SELECT buyer_id FROM accounts)), '{}') AS bought`,
      [channel, platformUserId, this.config.entryTier],
    );
    return this.picksForTier(buyer.tier, limit, buyer.bought);
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
