import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Collections' limited runs from the catalog, enforced at reservation like a flash-sale cap. */
export class LimitedRuns1797000100000 implements MigrationInterface {
  name = 'LimitedRuns1797000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No CHECK sold <= run: an operator may lower a run below what has sold; nothing more sells then.
    await queryRunner.query(
      `CREATE TABLE limited_run (collection_id uuid PRIMARY KEY, code text NOT NULL, sku_codes text[] NOT NULL, run integer, version integer NOT NULL, sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0))`,
    );
    await queryRunner.query(`CREATE INDEX limited_run_skus ON limited_run USING gin (sku_codes)`);
    // Which orders hold units of a run, so a release gives them back.
    await queryRunner.query(
      `CREATE TABLE limited_run_order (collection_id uuid NOT NULL REFERENCES limited_run(collection_id), channel text NOT NULL, order_id text NOT NULL, units integer NOT NULL, PRIMARY KEY (collection_id, channel, order_id))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE limited_run_order`);
    await queryRunner.query(`DROP TABLE limited_run`);
  }
}
