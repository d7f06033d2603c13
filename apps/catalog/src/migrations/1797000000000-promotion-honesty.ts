import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A scheduled promotion whose "was" price no longer holds (price honesty re-checked) is suspended, with why. */
export class PromotionHonesty1797000000000 implements MigrationInterface {
  name = 'PromotionHonesty1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE promotion DROP CONSTRAINT promotion_status_check`);
    await queryRunner.query(
      `ALTER TABLE promotion ADD CONSTRAINT promotion_status_check CHECK (status IN ('SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED', 'SUSPENDED')), ADD COLUMN suspended_reason text`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE promotion SET status = 'CANCELLED' WHERE status = 'SUSPENDED'`);
    await queryRunner.query(`ALTER TABLE promotion DROP CONSTRAINT promotion_status_check, DROP COLUMN suspended_reason`);
    await queryRunner.query(`ALTER TABLE promotion ADD CONSTRAINT promotion_status_check CHECK (status IN ('SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED'))`);
  }
}
