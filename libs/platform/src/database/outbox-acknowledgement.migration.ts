import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps an event until every subscribed queue has finished its job
 * (`acknowledged_at`), so a Redis that loses its data cannot lose events; and timers
 * (`deliver_at`) wait in the outbox until due instead of as delayed jobs in Redis.
 */
export class PlatformOutboxAcknowledgement1796170000000 implements MigrationInterface {
  name = 'PlatformOutboxAcknowledgement1796170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN acknowledged_at timestamptz`);
    // Rows published before this change were handed to Redis with its delays: count them as delivered.
    await queryRunner.query(`UPDATE outbox SET acknowledged_at = published_at WHERE published_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX outbox_unpublished`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL AND deliver_at IS NULL`);
    await queryRunner.query(`CREATE INDEX outbox_deferred ON outbox (deliver_at) WHERE published_at IS NULL AND deliver_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX outbox_unacknowledged ON outbox (published_at) WHERE published_at IS NOT NULL AND acknowledged_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_unacknowledged`);
    await queryRunner.query(`DROP INDEX outbox_deferred`);
    await queryRunner.query(`DROP INDEX outbox_unpublished`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL`);
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN acknowledged_at`);
  }
}
