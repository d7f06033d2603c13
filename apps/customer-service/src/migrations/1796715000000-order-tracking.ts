import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which parcel carries each order and what its carrier last reported (disputes weigh tracking); what a ruling refunded. */
export class OrderTracking1796715000000 implements MigrationInterface {
  name = 'OrderTracking1796715000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customer_order ADD COLUMN carrier text, ADD COLUMN tracking_no text`);
    await queryRunner.query(`CREATE INDEX customer_order_tracking ON customer_order (tracking_no) WHERE tracking_no IS NOT NULL`);
    // Logistics updates may arrive before the order's shipment names the parcel: kept by tracking number.
    await queryRunner.query(
      `CREATE TABLE parcel_tracking (tracking_no text PRIMARY KEY, carrier text NOT NULL, status text NOT NULL, status_at timestamptz NOT NULL, delivered_at timestamptz)`,
    );
    await queryRunner.query(`ALTER TABLE dispute ADD COLUMN refund_fen integer NOT NULL DEFAULT 0 CHECK (refund_fen >= 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE dispute DROP COLUMN refund_fen`);
    await queryRunner.query(`DROP TABLE parcel_tracking`);
    await queryRunner.query(`ALTER TABLE customer_order DROP COLUMN carrier, DROP COLUMN tracking_no`);
  }
}
