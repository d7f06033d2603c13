import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DSR in the daily rollup (sums and counts of each rating, so any period averages exactly), and
 * the member tiers membership announces, for per-tier picks.
 */
export class DsrAndMemberTiers1796170300000 implements MigrationInterface {
  name = 'DsrAndMemberTiers1796170300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE kpi_daily ADD COLUMN dsr_description_sum integer NOT NULL DEFAULT 0, ADD COLUMN dsr_description_n integer NOT NULL DEFAULT 0,
        ADD COLUMN dsr_service_sum integer NOT NULL DEFAULT 0, ADD COLUMN dsr_service_n integer NOT NULL DEFAULT 0,
        ADD COLUMN dsr_logistics_sum integer NOT NULL DEFAULT 0, ADD COLUMN dsr_logistics_n integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`CREATE TABLE member_tier (member_id uuid PRIMARY KEY, tier text NOT NULL, changed_at timestamptz NOT NULL)`);
    await queryRunner.query(`CREATE INDEX member_account_member ON member_account (member_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX member_account_member`);
    await queryRunner.query(`DROP TABLE member_tier`);
    await queryRunner.query(
      `ALTER TABLE kpi_daily DROP COLUMN dsr_description_sum, DROP COLUMN dsr_description_n, DROP COLUMN dsr_service_sum, DROP COLUMN dsr_service_n,
        DROP COLUMN dsr_logistics_sum, DROP COLUMN dsr_logistics_n`,
    );
  }
}
