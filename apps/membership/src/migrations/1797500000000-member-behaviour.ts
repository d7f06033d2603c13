import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What membership learns of the catalog (each product's tags, each SKU's product) and of each
 * member's behaviour on the site: the first view of each product, weighted engagement per product
 * tag (style tags) and tracked purchases with how many came soon after a first view (impulse buyer).
 */
export class MemberBehaviour1797500000000 implements MigrationInterface {
  name = 'MemberBehaviour1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`CREATE TABLE catalog_product (product_code text PRIMARY KEY, tags text[] NOT NULL DEFAULT '{}', version integer NOT NULL DEFAULT 0)`);
    await sql(`CREATE TABLE catalog_sku (sku_code text PRIMARY KEY, product_code text NOT NULL)`);
    await sql(
      `CREATE TABLE member_product_view (member_id uuid NOT NULL REFERENCES member(id), product_code text NOT NULL, first_viewed_at timestamptz NOT NULL, PRIMARY KEY (member_id, product_code))`,
    );
    await sql(
      `CREATE TABLE member_style (member_id uuid NOT NULL REFERENCES member(id), tag text NOT NULL, weight integer NOT NULL, PRIMARY KEY (member_id, tag))`,
    );
    await sql(`ALTER TABLE member ADD COLUMN tracked_purchases integer NOT NULL DEFAULT 0, ADD COLUMN impulse_purchases integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member DROP COLUMN impulse_purchases, DROP COLUMN tracked_purchases`);
    await queryRunner.query(`DROP TABLE member_style, member_product_view, catalog_sku, catalog_product`);
  }
}
