import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboundWebhooks1732500000000 implements MigrationInterface {
  name = 'OutboundWebhooks1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'paused', 'disabled')),
        disabled_reason text,
        secrets jsonb NOT NULL,
        consecutive_failures integer NOT NULL DEFAULT 0,
        failing_since timestamptz,
        circuit_open_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX webhook_endpoint_event_types ON webhook_endpoint USING gin (event_types)`);
    await queryRunner.query(`
      CREATE TABLE outbound_message (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        coalesce_key text,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX outbound_message_endpoint_created ON outbound_message (endpoint_id, created_at)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX outbound_message_pending_key ON outbound_message (endpoint_id, coalesce_key) WHERE status = 'pending' AND coalesce_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX outbound_message_sending ON outbound_message (last_attempt_at) WHERE status = 'sending'`);
    await queryRunner.query(`
      CREATE TABLE outbound_attempt (
        id bigserial PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES outbound_message(id),
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        response_excerpt text
      )`);
    await queryRunner.query(`CREATE INDEX outbound_attempt_message ON outbound_attempt (message_id, attempt)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbound_attempt`);
    await queryRunner.query(`DROP TABLE outbound_message`);
    await queryRunner.query(`DROP TABLE webhook_endpoint`);
  }
}
