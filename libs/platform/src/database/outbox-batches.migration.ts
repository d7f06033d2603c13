import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events are relayed in batches, one job per consumer queue per batch: each row remembers the
 * job that carries it, so acknowledgement and re-publication after a Redis loss find it.
 */
export class PlatformOutboxBatches1796500000000 implements MigrationInterface {
  name = 'PlatformOutboxBatches1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN job_id text`);
    // Rows published before batches travelled as one job each, named by the event id.
    await queryRunner.query(`UPDATE outbox SET job_id = event_id::text WHERE published_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN job_id`);
  }
}
