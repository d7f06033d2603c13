import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One refund can be reported twice — by the after-sales case that paid it and by the
 * marketplace's refund.completed — so each report records where it came from and, once matched,
 * the report of the other source it duplicates.
 */
export class RefundIdentity1734000000000 implements MigrationInterface {
  name = 'RefundIdentity1734000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member_refund ADD COLUMN source text NOT NULL DEFAULT 'marketplace', ADD COLUMN same_as text`);
    // Cases are identified by UUIDs, marketplace refunds by the platform's own ids.
    await queryRunner.query(
      `UPDATE member_refund SET source = 'after-sales' WHERE refund_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
    );
    await queryRunner.query(`CREATE INDEX member_refund_order ON member_refund (channel, order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX member_refund_order`);
    await queryRunner.query(`ALTER TABLE member_refund DROP COLUMN source, DROP COLUMN same_as`);
  }
}
