import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which arm of the win-back experiment a dormancy episode fell in. */
export class WinBackArms1733600000000 implements MigrationInterface {
  name = 'WinBackArms1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE care_plan ADD COLUMN arm text NOT NULL DEFAULT 'coupon' CHECK (arm IN ('coupon', 'holdout'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE care_plan DROP COLUMN arm`);
  }
}
