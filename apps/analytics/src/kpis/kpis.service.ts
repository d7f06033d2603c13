import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ratio } from '../figures';

export enum KpiGrain {
  DAY = 'DAY',
  WEEK = 'WEEK',
}
registerEnumType(KpiGrain, { name: 'KpiGrain', description: 'Days and ISO weeks (Monday) in the Asia/Shanghai calendar' });

@ObjectType()
export class KpiRow {
  @Field(() => String, { description: 'The day, or the Monday of the week (YYYY-MM-DD)' }) period!: string;
  @Field(() => String, { nullable: true }) channel!: string | null;
  @Field(() => Int) visitors!: number;
  @Field(() => Int) productViews!: number;
  @Field(() => Int) orders!: number;
  @Field(() => Float) gmvFen!: number;
  @Field(() => Float, { nullable: true, description: 'orders / visitors' }) conversionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'GMV / orders (fen)' }) aovFen!: number | null;
  @Field(() => Float) refundFen!: number;
  @Field(() => Float, { description: 'GMV − refunds' }) refundAdjustedGmvFen!: number;
  @Field(() => Float, { nullable: true, description: 'refunds / orders' }) returnRate!: number | null;
  @Field(() => Float, { nullable: true }) negativeReviewRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Paid-source share of visitors' }) paidShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'DSR "item as described": mean rating 1–5 (a review’s own rating when no separate DSR came)' })
  dsrDescription!: number | null;
  @Field(() => Float, { nullable: true, description: 'DSR "seller service": mean rating 1–5 of the reviews that rated it' }) dsrService!: number | null;
  @Field(() => Float, { nullable: true, description: 'DSR "logistics": mean rating 1–5 of the reviews that rated it' }) dsrLogistics!: number | null;
}

export enum SalesGrouping {
  SKU = 'SKU',
  PRODUCT = 'PRODUCT',
  CATEGORY = 'CATEGORY',
}
registerEnumType(SalesGrouping, { name: 'SalesGrouping' });

@ObjectType()
export class SalesRow {
  @Field(() => String, { description: 'The SKU, product or category (unknown when the catalog has not said)' }) key!: string;
  @Field(() => Int) units!: number;
  @Field(() => Int) orders!: number;
  @Field(() => Float) gmvFen!: number;
  @Field(() => Float, { description: 'Share of the range’s GMV' }) gmvShare!: number;
}

@ObjectType()
export class SkuSalesDay {
  @Field(() => String) day!: string;
  @Field(() => Int) units!: number;
  @Field(() => Float) gmvFen!: number;
}

@ObjectType()
export class ServiceKpis {
  @Field(() => Int) conversationsOpened!: number;
  @Field(() => Int) conversationsResolved!: number;
  @Field(() => Float, { nullable: true, description: 'resolved ÷ opened' }) resolutionRate!: number | null;
  @Field(() => Float, { nullable: true }) avgFirstResponseBusinessMinutes!: number | null;
  @Field(() => Float, { nullable: true }) avgFirstResponseWallMinutes!: number | null;
  @Field(() => Float, { nullable: true }) avgResolutionWallMinutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Resolved by the bot alone' }) autoAnswerRate!: number | null;
}

@ObjectType()
export class StockHealth {
  @Field(() => Int, { description: 'SKU × channel listings known' }) listings!: number;
  @Field(() => Int) outOfStock!: number;
  @Field(() => Float, { nullable: true }) outOfStockRate!: number | null;
  @Field(() => Int) unitsAvailable!: number;
  @Field(() => Int) unitsSold30d!: number;
  @Field(() => Float, { nullable: true, description: 'Units sold in 30 days ÷ units available now' }) turnover30d!: number | null;
}

interface KpiPeriodRow {
  period: string;
  channel: string | null;
  visitors: number;
  paid: number;
  views: number;
  orders: number;
  gmv: number;
  refunds: number;
  refund_fen: number;
  reviews: number;
  negative: number;
  dsr: number[];
}

interface ServiceTotalsRow {
  opened: number;
  resolved: number;
  answered: number;
  fr_business: number;
  fr_wall: number;
  resolution: number;
  bot_only: number;
}

/** A DSR score as marketplaces show it: the mean of 1–5 ratings to two decimals. */
const meanRating = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);

/** KPIs from the rollups (never a scan of raw events); visitors are distinct per period. */
@Injectable()
export class KpisService {
  constructor(private readonly dataSource: DataSource) {}

  async kpis(from: string, to: string, grain: KpiGrain, byChannel: boolean, channel: string | undefined, device: string | undefined): Promise<KpiRow[]> {
    const period = grain === KpiGrain.WEEK ? `date_trunc('week', day)::date` : `day`;
    const rows = await selectRows<KpiPeriodRow>(
      this.dataSource,
      `WITH k AS (
         SELECT ${period} AS period, CASE WHEN $5 THEN channel END AS channel, sum(product_views)::int AS views, sum(orders)::int AS orders, sum(gmv_fen)::float AS gmv,
                sum(refunds)::int AS refunds, sum(refund_fen)::float AS refund_fen, sum(reviews)::int AS reviews, sum(negative_reviews)::int AS negative,
                ARRAY[sum(dsr_description_sum), sum(dsr_description_n), sum(dsr_service_sum), sum(dsr_service_n), sum(dsr_logistics_sum), sum(dsr_logistics_n)]::int[] AS dsr
           FROM kpi_daily WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR device = $4 OR device = 'all')
          GROUP BY 1, 2),
       v AS (
         SELECT ${period} AS period, CASE WHEN $5 THEN channel END AS channel, count(DISTINCT visitor_id)::int AS visitors,
                count(DISTINCT visitor_id) FILTER (WHERE source = ANY ('{paid_search,feed,display,affiliate,kol,live}'))::int AS paid
           FROM daily_visitor WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR device = $4)
          GROUP BY 1, 2)
       SELECT to_char(k.period, 'YYYY-MM-DD') AS period, k.channel, coalesce(v.visitors, 0) AS visitors, coalesce(v.paid, 0) AS paid, k.views, k.orders, k.gmv, k.refunds, k.refund_fen, k.reviews, k.negative, k.dsr
         FROM k LEFT JOIN v ON v.period = k.period AND v.channel IS NOT DISTINCT FROM k.channel
        ORDER BY 1, 2`,
      [from, to, channel ?? null, device ?? null, byChannel],
    );
    return rows.map((r) => {
      const [visitors, orders, gmv, refunds, refundFen, reviews] = [r.visitors, r.orders, r.gmv, r.refunds, r.refund_fen, r.reviews].map(Number);
      return Object.assign(new KpiRow(), {
        period: r.period,
        channel: r.channel,
        visitors,
        productViews: Number(r.views),
        orders,
        gmvFen: gmv,
        conversionRate: ratio(orders, visitors),
        aovFen: orders ? Math.round(gmv / orders) : null,
        refundFen,
        refundAdjustedGmvFen: gmv - refundFen,
        returnRate: ratio(refunds, orders),
        negativeReviewRate: ratio(Number(r.negative), reviews),
        paidShare: ratio(Number(r.paid), visitors),
        dsrDescription: meanRating(r.dsr[0], r.dsr[1]),
        dsrService: meanRating(r.dsr[2], r.dsr[3]),
        dsrLogistics: meanRating(r.dsr[4], r.dsr[5]),
      });
    });
  }

  /** Buyers with two or more paid orders in the range, among all buyers in it. */
  async repurchaseRate(from: string, to: string): Promise<number | null> {
    const [r] = await selectRows<{ repeat: number; buyers: number }>(
      this.dataSource,
      `SELECT count(*) FILTER (WHERE n >= 2)::int AS repeat, count(*)::int AS buyers FROM (SELECT buyer_id, count(*) AS n FROM order_fact WHERE day BETWEEN $1 AND $2 GROUP BY buyer_id) b`,
      [from, to],
    );
    return ratio(r.repeat, r.buyers);
  }

  /** Daily units and GMV of a SKU (every day of the range, zeros included) — inventory's forecast reads this. */
  async demandSeries(skuCode: string, from: string, to: string): Promise<SkuSalesDay[]> {
    const rows = await selectRows<{ day: string; units: number; gmv: number }>(
      this.dataSource,
      `SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(sum(s.units), 0)::int AS units, coalesce(sum(s.gmv_fen), 0)::float AS gmv
         FROM generate_series($2::date, $3::date, interval '1 day') AS d LEFT JOIN sku_daily s ON s.sku_code = $1 AND s.day = d::date
        GROUP BY d ORDER BY d`,
      [skuCode, from, to],
    );
    return rows.map((r) => Object.assign(new SkuSalesDay(), { day: r.day, units: r.units, gmvFen: r.gmv }));
  }

  async serviceKpis(from: string, to: string, channel: string | undefined): Promise<ServiceKpis> {
    const [r] = await selectRows<ServiceTotalsRow>(
      this.dataSource,
      `SELECT coalesce(sum(opened), 0)::int AS opened, coalesce(sum(resolved), 0)::int AS resolved, coalesce(sum(first_responses), 0)::int AS answered,
              coalesce(sum(first_response_business_minutes), 0)::float AS fr_business, coalesce(sum(first_response_wall_minutes), 0)::float AS fr_wall,
              coalesce(sum(resolution_wall_minutes), 0)::float AS resolution, coalesce(sum(bot_only), 0)::int AS bot_only
         FROM cs_daily WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR channel = $3)`,
      [from, to, channel ?? null],
    );
    const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);
    return Object.assign(new ServiceKpis(), {
      conversationsOpened: r.opened,
      conversationsResolved: r.resolved,
      resolutionRate: ratio(r.resolved, r.opened),
      avgFirstResponseBusinessMinutes: avg(r.fr_business, r.answered),
      avgFirstResponseWallMinutes: avg(r.fr_wall, r.answered),
      avgResolutionWallMinutes: avg(r.resolution, r.resolved),
      autoAnswerRate: ratio(r.bot_only, r.resolved),
    });
  }

  async stockHealth(channel: string | undefined): Promise<StockHealth> {
    const [r] = await selectRows<{ listings: number; out: number; available: number; sold: number }>(
      this.dataSource,
      `SELECT count(*)::int AS listings, count(*) FILTER (WHERE quantity = 0)::int AS out, coalesce(sum(quantity), 0)::int AS available,
              (SELECT coalesce(sum(units), 0)::int FROM sku_daily WHERE day > current_date - 30 AND ($1::text IS NULL OR channel = $1)) AS sold
         FROM sku_stock WHERE $1::text IS NULL OR channel = $1`,
      [channel ?? null],
    );
    return Object.assign(new StockHealth(), {
      listings: r.listings,
      outOfStock: r.out,
      outOfStockRate: ratio(r.out, r.listings),
      unitsAvailable: r.available,
      unitsSold30d: r.sold,
      turnover30d: ratio(r.sold, r.available),
    });
  }

  /** Sales by SKU, product or category over a range, from the paid orders (an order counts once per group), best first. */
  async sales(from: string, to: string, grouping: SalesGrouping, channel: string | undefined, first: number): Promise<SalesRow[]> {
    const key =
      grouping === SalesGrouping.SKU
        ? `l->>'skuCode'`
        : grouping === SalesGrouping.PRODUCT
          ? `coalesce(c.product_code, 'unknown')`
          : `coalesce(c.category_code, 'unknown')`;
    const rows = await selectRows<{ key: string; units: number; orders: number; gmv: number; total: number }>(
      this.dataSource,
      `SELECT ${key} AS key, sum((l->>'quantity')::int)::int AS units, count(DISTINCT o.channel || ':' || o.order_id)::int AS orders,
              sum((l->>'quantity')::bigint * (l->>'unitPriceFen')::bigint)::float AS gmv, sum(sum((l->>'quantity')::bigint * (l->>'unitPriceFen')::bigint)) OVER ()::float AS total
         FROM order_fact o CROSS JOIN LATERAL jsonb_array_elements(o.lines) l LEFT JOIN sku_catalog c ON c.sku_code = l->>'skuCode'
        WHERE o.day BETWEEN $1 AND $2 AND ($3::text IS NULL OR o.channel = $3)
        GROUP BY 1 ORDER BY gmv DESC, key LIMIT $4`,
      [from, to, channel ?? null, first],
    );
    return rows.map((r) =>
      Object.assign(new SalesRow(), { key: r.key, units: r.units, orders: r.orders, gmvFen: r.gmv, gmvShare: ratio(r.gmv, r.total) ?? 0 }),
    );
  }
}
