import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One narrow search document per product (its searchable text and every filter column), written
 * in the same transaction as each product change, and the sellable stock per SKU and channel
 * that inventory publishes, from which each document's available units come.
 */
export class SearchDocuments1733800000000 implements MigrationInterface {
  name = 'SearchDocuments1733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`
      CREATE TABLE sku_channel_stock (
        sku_code text NOT NULL, channel text NOT NULL, quantity integer NOT NULL CHECK (quantity >= 0), changed_at timestamptz NOT NULL,
        PRIMARY KEY (sku_code, channel))`);
    await sql(`
      CREATE TABLE product_search (
        product_id uuid PRIMARY KEY REFERENCES product(id),
        code text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        grams text[] NOT NULL,
        status text NOT NULL,
        lifecycle_stage text NOT NULL,
        portfolio_role text NOT NULL,
        category_code text,
        tags text[] NOT NULL,
        min_price_fen integer,
        max_price_fen integer,
        available integer NOT NULL DEFAULT 0)`);
    // Built from what product kept for search until now; every later write refreshes it.
    await sql(`
      INSERT INTO product_search (product_id, code, title, body, grams, status, lifecycle_stage, portfolio_role, category_code, tags, min_price_fen, max_price_fen)
      SELECT id, code, lower(title), search_text, search_grams, status, lifecycle_stage, portfolio_role, category_code, tags, min_price_fen, max_price_fen FROM product`);
    // The document is the one place search reads now; the old columns (and their indexes) go.
    await sql(`ALTER TABLE product DROP COLUMN search_text, DROP COLUMN search_grams`);
    // Read far more than written: no pending list, so search stays fast right after a bulk import.
    await sql(`CREATE INDEX product_search_body ON product_search USING gin (body public.gin_trgm_ops) WITH (fastupdate = off)`);
    await sql(`CREATE INDEX product_search_grams ON product_search USING gin (grams) WITH (fastupdate = off)`);
    await sql(`CREATE INDEX product_search_tags ON product_search USING gin (tags) WITH (fastupdate = off)`);
    await sql(`CREATE INDEX product_search_order ON product_search (code)`);
    await sql(`CREATE INDEX product_search_category ON product_search (category_code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE product ADD COLUMN search_text text NOT NULL DEFAULT '', ADD COLUMN search_grams text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE product p SET search_text = d.body, search_grams = d.grams FROM product_search d WHERE d.product_id = p.id`);
    await queryRunner.query(`DROP TABLE product_search`);
    await queryRunner.query(`CREATE INDEX product_search_text ON product USING gin (search_text public.gin_trgm_ops) WITH (fastupdate = off)`);
    await queryRunner.query(`CREATE INDEX product_search_grams ON product USING gin (search_grams) WITH (fastupdate = off)`);
    await queryRunner.query(`DROP TABLE sku_channel_stock`);
  }
}
