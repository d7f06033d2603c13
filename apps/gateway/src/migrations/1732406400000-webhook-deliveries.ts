import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookDeliveries1732406400000 implements MigrationInterface {
  name = 'WebhookDeliveries1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        webhook_id text NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        body text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source, webhook_id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_received_at ON webhook_delivery (received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_delivery`);
  }
}
