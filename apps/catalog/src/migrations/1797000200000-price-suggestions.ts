import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dynamic pricing suggestions for operators to accept or dismiss, with the signals behind each. */
export class PriceSuggestions1797000200000 implements MigrationInterface {
  name = 'PriceSuggestions1797000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE price_suggestion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), sku_id uuid NOT NULL REFERENCES sku(id),
        direction text NOT NULL CHECK (direction IN ('MARKDOWN', 'MARKUP')), current_price_fen integer NOT NULL, suggested_price_fen integer NOT NULL,
        stock integer NOT NULL, sold integer NOT NULL, sell_through_percent real NOT NULL, cover_days real, reasons text[] NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'DISMISSED')),
        detected_at timestamptz NOT NULL DEFAULT now(), decided_by text, decided_at timestamptz)`);
    await queryRunner.query(`CREATE UNIQUE INDEX price_suggestion_open ON price_suggestion (sku_id) WHERE status = 'OPEN'`);
    await queryRunner.query(`CREATE INDEX price_suggestion_decided ON price_suggestion (sku_id, decided_at) WHERE status <> 'OPEN'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE price_suggestion`);
  }
}
