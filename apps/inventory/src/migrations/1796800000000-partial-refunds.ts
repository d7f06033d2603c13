import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A reservation keeps each refund completed before shipping, so a partial one frees only its lines. */
export class PartialRefunds1796800000000 implements MigrationInterface {
  name = 'PartialRefunds1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reservation ADD COLUMN refunds jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reservation DROP COLUMN refunds`);
  }
}
