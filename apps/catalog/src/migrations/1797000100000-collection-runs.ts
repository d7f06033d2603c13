import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each change of a collection's run or products is sent to inventory in order: a version per collection. */
export class CollectionRuns1797000100000 implements MigrationInterface {
  name = 'CollectionRuns1797000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE collection ADD COLUMN run_version integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE collection DROP COLUMN run_version`);
  }
}
