import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Products1732406400000 implements MigrationInterface {
  name = 'Products1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        category_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE sku (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product(id),
        code text NOT NULL UNIQUE,
        list_price_fen integer NOT NULL CHECK (list_price_fen >= 0),
        options jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX sku_product_id ON sku (product_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sku`);
    await queryRunner.query(`DROP TABLE product`);
  }
}
