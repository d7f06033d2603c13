import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One stored channel event per webhook delivery: a delivery's event re-sent under a new event
 * id (reconciliation's repair) must not be stored or counted twice.
 */
export class ChannelEventPerDelivery1796170100000 implements MigrationInterface {
  name = 'ChannelEventPerDelivery1796170100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE channel_event ADD COLUMN delivery_id text`);
    await queryRunner.query(`UPDATE channel_event SET delivery_id = payload ->> 'deliveryId'`);
    // Copies stored by earlier repairs: keep the first of each delivery.
    await queryRunner.query(`
      DELETE FROM channel_event c USING channel_event first
       WHERE c.channel = first.channel AND c.delivery_id = first.delivery_id
         AND (c.received_at, c.event_id) > (first.received_at, first.event_id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX channel_event_delivery ON channel_event (channel, delivery_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX channel_event_delivery`);
    await queryRunner.query(`ALTER TABLE channel_event DROP COLUMN delivery_id`);
  }
}
