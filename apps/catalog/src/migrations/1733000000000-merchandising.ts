import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Product details, versions, collections, media, lifecycle, portfolio, pricing, promotions, search, imports. */
export class Merchandising1733000000000 implements MigrationInterface {
  name = 'Merchandising1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string, params?: unknown[]) => queryRunner.query(text, params);
    await sql(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await sql(`CREATE TABLE category (code text PRIMARY KEY, name text NOT NULL, parent_code text REFERENCES category(code), path text NOT NULL)`);
    await sql(`
      ALTER TABLE product
        ADD COLUMN subtitle text,
        ADD COLUMN keywords text[] NOT NULL DEFAULT '{}',
        ADD COLUMN brand text,
        ADD COLUMN brand_story text,
        ADD COLUMN designer_notes text,
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN materials jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN care text,
        ADD COLUMN carbon_footprint_grams integer CHECK (carbon_footprint_grams >= 0),
        ADD COLUMN status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ON_SALE', 'ARCHIVED')),
        ADD COLUMN lifecycle_stage text NOT NULL DEFAULT 'INCUBATION' CHECK (lifecycle_stage IN ('INCUBATION', 'GROWTH', 'MATURE', 'DECLINE', 'EXIT')),
        ADD COLUMN portfolio_role text NOT NULL DEFAULT 'TEST' CHECK (portfolio_role IN ('TRAFFIC_DRIVER', 'CORE', 'POTENTIAL', 'TEST', 'CLEARANCE', 'LONG_TAIL')),
        ADD COLUMN min_price_fen integer,
        ADD COLUMN max_price_fen integer,
        ADD COLUMN search_text text NOT NULL DEFAULT '',
        ADD COLUMN search_grams text[] NOT NULL DEFAULT '{}',
        ADD COLUMN archived_at timestamptz`);
    // The range is read far more than written: no pending list, so search stays fast right after a bulk import.
    await sql(`CREATE INDEX product_search_text ON product USING gin (search_text public.gin_trgm_ops) WITH (fastupdate = off)`);
    await sql(`CREATE INDEX product_search_grams ON product USING gin (search_grams) WITH (fastupdate = off)`);
    await sql(`CREATE INDEX product_filters ON product (status, lifecycle_stage, portfolio_role)`);
    await sql(`CREATE INDEX product_category ON product (category_code)`);
    await sql(`CREATE INDEX product_tags ON product USING gin (tags) WITH (fastupdate = off)`);
    await sql(
      `ALTER TABLE sku ADD COLUMN barcode text UNIQUE, ADD COLUMN weight_grams integer CHECK (weight_grams >= 0), ADD COLUMN archived boolean NOT NULL DEFAULT false`,
    );
    await sql(
      `CREATE TABLE product_version (product_id uuid NOT NULL REFERENCES product(id), version integer NOT NULL, actor text NOT NULL, change text NOT NULL, snapshot jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (product_id, version))`,
    );

    await sql(`
      CREATE TABLE collection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), code text NOT NULL UNIQUE, name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('IP_COLLABORATION', 'CO_BRAND', 'REGIONAL', 'SEASONAL')),
        partner text, limited_run integer CHECK (limited_run > 0), region_codes text[] NOT NULL DEFAULT '{}', theme text,
        starts_at timestamptz, ends_at timestamptz, CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at))`);
    await sql(
      `CREATE TABLE collection_product (collection_id uuid NOT NULL REFERENCES collection(id), product_id uuid NOT NULL REFERENCES product(id), PRIMARY KEY (collection_id, product_id))`,
    );
    await sql(`CREATE INDEX collection_product_product ON collection_product (product_id)`);

    await sql(`
      CREATE TABLE product_media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), product_id uuid NOT NULL REFERENCES product(id),
        kind text NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO')), url text NOT NULL,
        width integer NOT NULL CHECK (width > 0), height integer NOT NULL CHECK (height > 0), duration_seconds integer CHECK (duration_seconds > 0),
        position integer NOT NULL DEFAULT 0, added_at timestamptz NOT NULL DEFAULT now(), UNIQUE (product_id, url))`);

    await sql(
      `CREATE TABLE lifecycle_change (id bigserial PRIMARY KEY, product_id uuid NOT NULL REFERENCES product(id), from_stage text NOT NULL, to_stage text NOT NULL, actor text NOT NULL, reason text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE INDEX lifecycle_change_product ON lifecycle_change (product_id, id)`);
    await sql(`
      CREATE TABLE exit_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), product_id uuid NOT NULL UNIQUE REFERENCES product(id),
        why_failed text NOT NULL, lessons text NOT NULL DEFAULT '', actor text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await sql(`CREATE INDEX exit_review_text ON exit_review USING gin ((why_failed || ' ' || lessons) public.gin_trgm_ops)`);

    await sql(
      `CREATE TABLE tier_price (sku_id uuid NOT NULL REFERENCES sku(id), tier_code text NOT NULL, price_fen integer NOT NULL CHECK (price_fen >= 0), PRIMARY KEY (sku_id, tier_code))`,
    );
    await sql(
      `CREATE TABLE price_history (id bigserial PRIMARY KEY, sku_id uuid NOT NULL REFERENCES sku(id), list_price_fen integer NOT NULL, actor text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE INDEX price_history_sku ON price_history (sku_id, at)`);
    await sql(`INSERT INTO price_history (sku_id, list_price_fen, actor, at) SELECT id, list_price_fen, 'migration', created_at FROM sku`);
    // What buyers actually paid per SKU and day, from paid orders: the basis of price honesty and bestsellers.
    await sql(
      `CREATE TABLE sku_sale (sku_code text NOT NULL, day date NOT NULL, units integer NOT NULL, lowest_unit_price_fen integer NOT NULL, PRIMARY KEY (sku_code, day))`,
    );
    await sql(`CREATE TABLE counted_order (channel text NOT NULL, order_id text NOT NULL, PRIMARY KEY (channel, order_id))`);

    await sql(`
      CREATE TABLE promotion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), code text NOT NULL UNIQUE, name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('FLASH_SALE', 'MULTI_BUY', 'SPEND_AND_SAVE')),
        starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        percent_off integer CHECK (percent_off BETWEEN 1 AND 99),
        per_buyer_limit integer CHECK (per_buyer_limit > 0), quantity_cap integer CHECK (quantity_cap > 0),
        min_quantity integer CHECK (min_quantity > 1),
        threshold_fen integer CHECK (threshold_fen > 0), off_fen integer CHECK (off_fen > 0), repeatable boolean NOT NULL DEFAULT false,
        was_price_fen integer CHECK (was_price_fen >= 0),
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED')),
        created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await sql(
      `CREATE TABLE promotion_sku (promotion_id uuid NOT NULL REFERENCES promotion(id), sku_id uuid NOT NULL REFERENCES sku(id), PRIMARY KEY (promotion_id, sku_id))`,
    );
    await sql(`CREATE INDEX promotion_sku_sku ON promotion_sku (sku_id)`);
    await sql(`CREATE INDEX promotion_window ON promotion (status, starts_at, ends_at)`);

    await sql(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), format text NOT NULL CHECK (format IN ('CSV', 'JSON')),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        content text NOT NULL, total integer NOT NULL DEFAULT 0, processed integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0, failed integer NOT NULL DEFAULT 0, errors jsonb NOT NULL DEFAULT '[]',
        actor text NOT NULL, request_id text, created_at timestamptz NOT NULL DEFAULT now(), claimed_at timestamptz, finished_at timestamptz)`);
    await sql(`CREATE INDEX import_job_queued ON import_job (created_at) WHERE status IN ('QUEUED', 'RUNNING')`);

    await sql(`INSERT INTO category (code, name, parent_code, path) VALUES
      ('WOMEN', '女装', NULL, 'WOMEN'), ('DRESS', '连衣裙', 'WOMEN', 'WOMEN/DRESS'), ('SHIRT', '衬衫', 'WOMEN', 'WOMEN/SHIRT'),
      ('KNIT', '针织', 'WOMEN', 'WOMEN/KNIT'), ('COAT', '外套', 'WOMEN', 'WOMEN/COAT'), ('PANTS', '裤装', 'WOMEN', 'WOMEN/PANTS'), ('ACCESSORY', '配饰', NULL, 'ACCESSORY'),
      ('BAG', '包袋', 'ACCESSORY', 'ACCESSORY/BAG'), ('SCARF', '围巾丝巾', 'ACCESSORY', 'ACCESSORY/SCARF')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'import_job',
      'promotion_sku',
      'promotion',
      'counted_order',
      'sku_sale',
      'price_history',
      'tier_price',
      'exit_review',
      'lifecycle_change',
      'product_media',
      'collection_product',
      'collection',
      'product_version',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE sku DROP COLUMN barcode, DROP COLUMN weight_grams, DROP COLUMN archived`);
    await queryRunner.query(
      `ALTER TABLE product DROP COLUMN subtitle, DROP COLUMN keywords, DROP COLUMN brand, DROP COLUMN brand_story, DROP COLUMN designer_notes, DROP COLUMN tags, DROP COLUMN materials, DROP COLUMN care, DROP COLUMN carbon_footprint_grams, DROP COLUMN status, DROP COLUMN lifecycle_stage, DROP COLUMN portfolio_role, DROP COLUMN min_price_fen, DROP COLUMN max_price_fen, DROP COLUMN search_text, DROP COLUMN search_grams, DROP COLUMN archived_at`,
    );
    await queryRunner.query(`DROP TABLE category`);
  }
}
