import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Behaviour events partitioned by (Asia/Shanghai) day range, one partition per month created as
 * events arrive (a default partition catches anything else), plus rollups maintained as events
 * arrive: KPIs per day × channel × device, distinct visitors, SKU sales per day, orders, item
 * co-occurrence for recommendations, experiments.
 */
export class AnalyticsStore1733200000000 implements MigrationInterface {
  name = 'AnalyticsStore1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`CREATE TABLE tracked_event (
      event_id text NOT NULL, type text NOT NULL, occurred_at timestamptz NOT NULL, day date NOT NULL,
      visitor_id text NOT NULL, member_id text, session_id text, channel text NOT NULL, device text NOT NULL, source text NOT NULL,
      campaign text, referrer text, sku_code text, product_code text, query text, order_id text, amount_fen bigint, quantity integer,
      experiment_key text, experiment_variant text, properties jsonb, client_id text NOT NULL, received_at timestamptz NOT NULL DEFAULT now()
    ) PARTITION BY RANGE (day)`);
    await sql(`CREATE TABLE tracked_event_default PARTITION OF tracked_event DEFAULT`);
    await sql(`CREATE INDEX tracked_event_funnel ON tracked_event (type, day, visitor_id, occurred_at)`);
    await sql(`CREATE INDEX tracked_event_visitor ON tracked_event (visitor_id, occurred_at)`);
    // A resent event (same id) is ignored, whatever its day.
    await sql(`CREATE TABLE seen_event (event_id text PRIMARY KEY)`);

    await sql(`CREATE TABLE kpi_daily (
      day date NOT NULL, channel text NOT NULL, device text NOT NULL,
      visitors integer NOT NULL DEFAULT 0, searches integer NOT NULL DEFAULT 0, product_views integer NOT NULL DEFAULT 0, add_to_carts integer NOT NULL DEFAULT 0,
      orders integer NOT NULL DEFAULT 0, gmv_fen bigint NOT NULL DEFAULT 0, refunds integer NOT NULL DEFAULT 0, refund_fen bigint NOT NULL DEFAULT 0,
      reviews integer NOT NULL DEFAULT 0, negative_reviews integer NOT NULL DEFAULT 0, paid_visits integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, channel, device))`);
    await sql(
      `CREATE TABLE daily_visitor (day date NOT NULL, channel text NOT NULL, device text NOT NULL, visitor_id text NOT NULL, source text NOT NULL, PRIMARY KEY (day, channel, device, visitor_id))`,
    );
    await sql(`CREATE TABLE order_fact (
      channel text NOT NULL, order_id text NOT NULL, buyer_id text NOT NULL, day date NOT NULL, total_fen bigint NOT NULL, refunded_fen bigint NOT NULL DEFAULT 0,
      lines jsonb NOT NULL, paid_at timestamptz NOT NULL, PRIMARY KEY (channel, order_id))`);
    await sql(`CREATE INDEX order_fact_buyer ON order_fact (buyer_id, paid_at)`);
    // Refunds and reviews count once, however often a channel re-sends them.
    await sql(
      `CREATE TABLE counted_fact (kind text NOT NULL, channel text NOT NULL, ref text NOT NULL, order_id text, amount_fen bigint, PRIMARY KEY (kind, channel, ref))`,
    );
    await sql(`CREATE INDEX counted_fact_order ON counted_fact (channel, order_id) WHERE kind = 'refund'`);
    await sql(
      `CREATE TABLE sku_daily (day date NOT NULL, sku_code text NOT NULL, channel text NOT NULL, units integer NOT NULL DEFAULT 0, orders integer NOT NULL DEFAULT 0, gmv_fen bigint NOT NULL DEFAULT 0, PRIMARY KEY (sku_code, day, channel))`,
    );
    await sql(`CREATE TABLE item_orders (sku_code text PRIMARY KEY, orders integer NOT NULL)`);
    await sql(`CREATE TABLE item_pair (sku_a text NOT NULL, sku_b text NOT NULL, orders integer NOT NULL, PRIMARY KEY (sku_a, sku_b))`);
    await sql(`CREATE TABLE basket_total (id boolean PRIMARY KEY DEFAULT true CHECK (id), orders integer NOT NULL)`);
    await sql(`INSERT INTO basket_total (orders) VALUES (0)`);

    await sql(`CREATE TABLE experiment (
      key text PRIMARY KEY, name text NOT NULL, variants jsonb NOT NULL, metric text NOT NULL, planned_units_per_variant integer NOT NULL,
      baseline_rate numeric NOT NULL, minimum_detectable_effect numeric NOT NULL, status text NOT NULL DEFAULT 'RUNNING', created_at timestamptz NOT NULL DEFAULT now())`);
    await sql(`CREATE TABLE experiment_unit (
      experiment_key text NOT NULL REFERENCES experiment(key), unit_id text NOT NULL, variant text NOT NULL,
      exposed_at timestamptz NOT NULL, converted_at timestamptz, value_fen bigint NOT NULL DEFAULT 0, PRIMARY KEY (experiment_key, unit_id))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'experiment_unit',
      'experiment',
      'basket_total',
      'item_pair',
      'item_orders',
      'sku_daily',
      'counted_fact',
      'order_fact',
      'daily_visitor',
      'kpi_daily',
      'seen_event',
      'tracked_event',
    ]) {
      await queryRunner.query(`DROP TABLE ${table} CASCADE`);
    }
  }
}
