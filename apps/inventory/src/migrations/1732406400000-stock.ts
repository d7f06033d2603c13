import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Stock1732406400000 implements MigrationInterface {
  name = 'Stock1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE location (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CENTRAL', 'FRONT', 'OVERSEAS', 'BONDED', 'STORE')),
        regions text[] NOT NULL DEFAULT '{}',
        priority integer NOT NULL DEFAULT 100
      )`);
    // The three warehouses every shop starts with; shops add their own.
    await queryRunner.query(`
      INSERT INTO location (code, name, kind, regions, priority) VALUES
        ('CENTRAL', 'Central warehouse (Hangzhou)', 'CENTRAL', '{}', 100),
        ('SH-FRONT', 'Shanghai front warehouse', 'FRONT', '{31,32}', 10),
        ('GZ-FRONT', 'Guangzhou front warehouse', 'FRONT', '{44,45,46}', 10)`);
    await queryRunner.query(`
      CREATE TABLE known_sku (
        sku_code text PRIMARY KEY,
        product_id uuid NOT NULL,
        product_code text NOT NULL,
        category_code text,
        list_price_fen integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_level (
        sku_code text NOT NULL,
        location_code text NOT NULL REFERENCES location(code),
        on_hand integer NOT NULL DEFAULT 0,
        reserved integer NOT NULL DEFAULT 0,
        safety_stock integer NOT NULL DEFAULT 0,
        reorder_point integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sku_code, location_code),
        CONSTRAINT stock_never_oversold CHECK (reserved >= 0 AND on_hand >= reserved)
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_movement (
        id bigserial PRIMARY KEY,
        sku_code text NOT NULL,
        location_code text NOT NULL,
        kind text NOT NULL,
        on_hand_delta integer NOT NULL DEFAULT 0,
        reserved_delta integer NOT NULL DEFAULT 0,
        reason text,
        reference text,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX stock_movement_sku_location ON stock_movement (sku_code, location_code, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stock_movement`);
    await queryRunner.query(`DROP TABLE stock_level`);
    await queryRunner.query(`DROP TABLE known_sku`);
    await queryRunner.query(`DROP TABLE location`);
  }
}
