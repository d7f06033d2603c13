import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ad spend and attributed sales, hourly metrics and anomaly alerts, stored reports. */
export class Insights1733300000000 implements MigrationInterface {
  name = 'Insights1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(
      `CREATE TABLE ad_spend (day date NOT NULL, source text NOT NULL, campaign text NOT NULL, spend_fen bigint NOT NULL CHECK (spend_fen >= 0), imported_by text NOT NULL, imported_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (day, source, campaign))`,
    );
    // Payments as the visit's source, campaign and referrer (KOL, affiliate, live room) brought them.
    await sql(
      `CREATE TABLE attributed_sale (day date NOT NULL, source text NOT NULL, campaign text NOT NULL DEFAULT '', referrer text NOT NULL DEFAULT '', orders integer NOT NULL, gmv_fen bigint NOT NULL, PRIMARY KEY (day, source, campaign, referrer))`,
    );
    await sql(
      `CREATE TABLE kpi_hourly (hour timestamptz NOT NULL, channel text NOT NULL, metric text NOT NULL, value bigint NOT NULL, PRIMARY KEY (metric, channel, hour))`,
    );
    await sql(`CREATE TABLE anomaly_alert (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), metric text NOT NULL, dimension text NOT NULL, team text NOT NULL, severity text NOT NULL,
      observed numeric NOT NULL, expected numeric NOT NULL, hour timestamptz NOT NULL, status text NOT NULL DEFAULT 'OPEN', opened_at timestamptz NOT NULL DEFAULT now(), resolved_at timestamptz)`);
    await sql(`CREATE UNIQUE INDEX anomaly_alert_open ON anomaly_alert (metric, dimension) WHERE status = 'OPEN'`);
    // Customer-service and stock figures from those services' events.
    await sql(`CREATE TABLE cs_daily (day date NOT NULL, channel text NOT NULL, opened integer NOT NULL DEFAULT 0, resolved integer NOT NULL DEFAULT 0,
      first_response_business_minutes numeric NOT NULL DEFAULT 0, first_response_wall_minutes numeric NOT NULL DEFAULT 0, first_responses integer NOT NULL DEFAULT 0,
      resolution_wall_minutes numeric NOT NULL DEFAULT 0, bot_only integer NOT NULL DEFAULT 0, PRIMARY KEY (day, channel))`);
    await sql(`CREATE TABLE counted_conversation (conversation_id uuid NOT NULL, kind text NOT NULL, PRIMARY KEY (conversation_id, kind))`);
    await sql(
      `CREATE TABLE sku_stock (sku_code text NOT NULL, channel text NOT NULL, quantity integer NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (sku_code, channel))`,
    );
    // Co-views: SKUs viewed in one session, counted as views arrive.
    await sql(`CREATE TABLE session_view (session_id text NOT NULL, sku_code text NOT NULL, PRIMARY KEY (session_id, sku_code))`);
    await sql(`CREATE TABLE view_pair (sku_a text NOT NULL, sku_b text NOT NULL, sessions integer NOT NULL, PRIMARY KEY (sku_a, sku_b))`);
    await sql(
      `CREATE TABLE flash_sale_window (promotion_id uuid PRIMARY KEY, code text NOT NULL UNIQUE, sku_codes text[] NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL, quantity_cap integer)`,
    );
    // Which member a platform account is (from membership), for member-level experiments.
    await sql(
      `CREATE TABLE member_account (channel text NOT NULL, platform_user_id text NOT NULL, member_id uuid NOT NULL, PRIMARY KEY (channel, platform_user_id))`,
    );
    // SKU → product and category, from the catalog, for KPIs by product and category.
    await sql(`CREATE TABLE sku_catalog (sku_code text PRIMARY KEY, product_code text NOT NULL, category_code text)`);
    await sql(
      `CREATE TABLE report (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL CHECK (kind IN ('DAILY', 'WEEKLY')), period_start date NOT NULL, period_end date NOT NULL, data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (kind, period_start))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'report',
      'sku_catalog',
      'member_account',
      'flash_sale_window',
      'view_pair',
      'session_view',
      'sku_stock',
      'counted_conversation',
      'cs_daily',
      'anomaly_alert',
      'kpi_hourly',
      'attributed_sale',
      'ad_spend',
    ])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
