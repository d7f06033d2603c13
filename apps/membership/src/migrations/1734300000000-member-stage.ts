import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed-in product views per member (the "browser" tag) and each member's stage, reach → engage → convert → retain. */
export class MemberStage1734300000000 implements MigrationInterface {
  name = 'MemberStage1734300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member ADD COLUMN product_views integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE member_rfm ADD COLUMN stage text NOT NULL DEFAULT 'reach'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member_rfm DROP COLUMN stage`);
    await queryRunner.query(`ALTER TABLE member DROP COLUMN product_views`);
  }
}
