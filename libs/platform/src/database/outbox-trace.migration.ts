import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each outbox row keeps the W3C trace context of the span that stored it, and the relay puts it
 * in the event envelope, so a consumer's work joins the trace of the request that caused it.
 */
export class PlatformOutboxTrace1797080000000 implements MigrationInterface {
  name = 'PlatformOutboxTrace1797080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN traceparent text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN traceparent`);
  }
}
