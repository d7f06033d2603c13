import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funnels read each step's events from one index (type, day, visitor, time, with the channel and
 * device a breakdown needs), without the heap; the per-visitor index served only the per-visitor
 * lookups funnels no longer make, and every stored event paid for it.
 */
export class FunnelIndex1796170200000 implements MigrationInterface {
  name = 'FunnelIndex1796170200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tracked_event_visitor`);
    await queryRunner.query(`DROP INDEX tracked_event_funnel`);
    await queryRunner.query(`CREATE INDEX tracked_event_funnel ON tracked_event (type, day, visitor_id, occurred_at) INCLUDE (channel, device)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tracked_event_funnel`);
    await queryRunner.query(`CREATE INDEX tracked_event_funnel ON tracked_event (type, day, visitor_id, occurred_at)`);
    await queryRunner.query(`CREATE INDEX tracked_event_visitor ON tracked_event (visitor_id, occurred_at)`);
  }
}
