import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Portfolio role suggestions from other services' signals (slow-moving stock → clearance). */
export class RoleSuggestions1733400000000 implements MigrationInterface {
  name = 'RoleSuggestions1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE role_suggestion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), product_id uuid NOT NULL REFERENCES product(id), suggested_role text NOT NULL,
        reason text NOT NULL, sku_code text NOT NULL, status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'DISMISSED')),
        detected_at timestamptz NOT NULL DEFAULT now(), decided_by text, decided_at timestamptz)`);
    await queryRunner.query(`CREATE UNIQUE INDEX role_suggestion_open ON role_suggestion (product_id, suggested_role) WHERE status = 'OPEN'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE role_suggestion`);
  }
}
