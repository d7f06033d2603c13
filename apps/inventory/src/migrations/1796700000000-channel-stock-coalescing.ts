import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each channel was last told per SKU, and when, so a burst of stock changes becomes one
 * event per window; `flush_due_at` marks a pending publication of the latest quantity.
 */
export class ChannelStockCoalescing1796700000000 implements MigrationInterface {
  name = 'ChannelStockCoalescing1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE channel_stock_published ADD COLUMN emitted_quantity int, ADD COLUMN emitted_at timestamptz, ADD COLUMN flush_due_at timestamptz`,
    );
    await queryRunner.query(`UPDATE channel_stock_published SET emitted_quantity = quantity, emitted_at = updated_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE channel_stock_published DROP COLUMN emitted_quantity, DROP COLUMN emitted_at, DROP COLUMN flush_due_at`);
  }
}
