import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Flash sales from the catalog's promotions: caps and per-buyer limits enforced at reservation. */
export class FlashSales1733500000000 implements MigrationInterface {
  name = 'FlashSales1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`CREATE TABLE flash_sale (
      promotion_id uuid PRIMARY KEY, code text NOT NULL, sku_codes text[] NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
      quantity_cap integer, per_buyer_limit integer, sold integer NOT NULL DEFAULT 0 CHECK (quantity_cap IS NULL OR sold <= quantity_cap), ended boolean NOT NULL DEFAULT false)`);
    await sql(`CREATE INDEX flash_sale_skus ON flash_sale USING gin (sku_codes)`);
    await sql(
      `CREATE TABLE flash_sale_buyer (promotion_id uuid NOT NULL REFERENCES flash_sale(promotion_id), buyer_key text NOT NULL, units integer NOT NULL CHECK (units >= 0), PRIMARY KEY (promotion_id, buyer_key))`,
    );
    // Which orders hold flash-sale units, so a release gives them back.
    await sql(
      `CREATE TABLE flash_sale_order (promotion_id uuid NOT NULL REFERENCES flash_sale(promotion_id), channel text NOT NULL, order_id text NOT NULL, buyer_key text NOT NULL, units integer NOT NULL, PRIMARY KEY (promotion_id, channel, order_id))`,
    );
    // One buyer across channels: membership's accounts → member.
    await sql(
      `CREATE TABLE buyer_member (channel text NOT NULL, platform_user_id text NOT NULL, member_id uuid NOT NULL, PRIMARY KEY (channel, platform_user_id))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['buyer_member', 'flash_sale_order', 'flash_sale_buyer', 'flash_sale']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
