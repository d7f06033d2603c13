import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Inject, Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { round4 } from '../figures';
import { SHOP_TIME_ZONE } from '../store/event-store';

@ObjectType()
export class Cohort {
  @Field(() => String, { description: 'Month of the first paid order (YYYY-MM)' }) month!: string;
  @Field(() => Int) customers!: number;
  @Field(() => [Float], { description: 'Share of the cohort ordering in month 0, 1, 2… after joining' }) retention!: number[];
  @Field(() => Float, { description: 'Net revenue per customer so far (fen)' }) observedValueFen!: number;
}

@ObjectType()
export class LifetimeValue {
  @Field(() => Int) customers!: number;
  @Field(() => Float, { description: 'Net revenue per customer so far (fen)' }) observedFen!: number;
  @Field(() => Float) aovFen!: number;
  @Field(() => Float, { description: 'Orders per customer per year' }) ordersPerYear!: number;
  @Field(() => Float) marginPercent!: number;
  @Field(() => Float) lifespanYears!: number;
  @Field(() => Float, { description: 'AOV × orders per year × lifespan × margin (fen)' }) projectedFen!: number;
  @Field(() => Float, { description: 'Projected lifetime revenue ÷ AOV (light luxury: 8–12)' }) projectedRevenueToAov!: number;
}

/** Cohorts by month of first order, retention by month since, and customer lifetime value. */
@Injectable()
export class CohortsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  async cohorts(fromMonth: string, months: number): Promise<Cohort[]> {
    const rows = await selectRows<{ month: string; offset: number; customers: number; active: number; value: number }>(
      this.dataSource,
      `WITH orders AS (SELECT buyer_id, date_trunc('month', paid_at AT TIME ZONE '${SHOP_TIME_ZONE}') AS month, total_fen - refunded_fen AS net FROM order_fact),
            firsts AS (SELECT buyer_id, min(month) AS cohort FROM orders GROUP BY buyer_id),
            sized AS (SELECT cohort, count(*) AS customers FROM firsts GROUP BY cohort),
            value AS (SELECT f.cohort, sum(o.net)::float AS value FROM firsts f JOIN orders o USING (buyer_id) GROUP BY f.cohort)
       SELECT to_char(f.cohort, 'YYYY-MM') AS month,
              ((extract(year FROM o.month) - extract(year FROM f.cohort)) * 12 + extract(month FROM o.month) - extract(month FROM f.cohort))::int AS offset,
              s.customers::int AS customers, count(DISTINCT o.buyer_id)::int AS active, v.value
         FROM firsts f JOIN orders o USING (buyer_id) JOIN sized s ON s.cohort = f.cohort JOIN value v ON v.cohort = f.cohort
        WHERE f.cohort >= to_date($1, 'YYYY-MM') AND f.cohort < to_date($1, 'YYYY-MM') + $2 * interval '1 month'
        GROUP BY 1, 2, 3, 5 ORDER BY 1, 2`,
      [fromMonth, months],
    );
    const byMonth = new Map<string, Cohort>();
    for (const r of rows) {
      const cohort =
        byMonth.get(r.month) ??
        Object.assign(new Cohort(), { month: r.month, customers: r.customers, retention: [], observedValueFen: Math.round(r.value / r.customers) });
      while (cohort.retention.length < r.offset) cohort.retention.push(0);
      cohort.retention[r.offset] = round4(r.active / r.customers);
      byMonth.set(r.month, cohort);
    }
    return [...byMonth.values()];
  }

  async lifetimeValue(): Promise<LifetimeValue> {
    const [r] = await selectRows<{ customers: number; orders: number; net: number; years: number }>(
      this.dataSource,
      `SELECT count(DISTINCT buyer_id)::int AS customers, count(*)::int AS orders, coalesce(sum(total_fen - refunded_fen), 0)::float AS net,
              greatest(extract(epoch FROM max(paid_at) - min(paid_at)) / (365.25 * 86400), 1.0 / 12)::float AS years
         FROM order_fact`,
    );
    const aov = r.orders ? r.net / r.orders : 0;
    // Orders per customer per year over the span observed (at least a month, so a new shop is not extrapolated wildly).
    const ordersPerYear = r.customers ? r.orders / r.customers / r.years : 0;
    const revenue = aov * ordersPerYear * this.config.customerLifespanYears;
    return Object.assign(new LifetimeValue(), {
      customers: r.customers,
      observedFen: r.customers ? Math.round(r.net / r.customers) : 0,
      aovFen: Math.round(aov),
      ordersPerYear: Math.round(ordersPerYear * 100) / 100,
      marginPercent: this.config.marginPercent,
      lifespanYears: this.config.customerLifespanYears,
      projectedFen: Math.round((revenue * this.config.marginPercent) / 100),
      projectedRevenueToAov: aov ? Math.round((revenue / aov) * 100) / 100 : 0,
    });
  }
}
