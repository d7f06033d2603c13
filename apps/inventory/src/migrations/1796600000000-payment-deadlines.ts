import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An unpaid reservation keeps its payment deadline in its row, swept every minute, instead of
 * one delayed event per order in the outbox. Reservations made before keep their timer events.
 */
export class PaymentDeadlines1796600000000 implements MigrationInterface {
  name = 'PaymentDeadlines1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reservation ADD COLUMN payment_due_at timestamptz`);
    await queryRunner.query(`CREATE INDEX reservation_payment_due ON reservation (payment_due_at) WHERE status = 'RESERVED' AND NOT paid AND NOT shipped`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX reservation_payment_due`);
    await queryRunner.query(`ALTER TABLE reservation DROP COLUMN payment_due_at`);
  }
}
