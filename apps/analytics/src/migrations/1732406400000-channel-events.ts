import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChannelEvents1732406400000 implements MigrationInterface {
  name = 'ChannelEvents1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE channel_event (
        event_id uuid PRIMARY KEY,
        type text NOT NULL,
        channel text NOT NULL,
        subject text NOT NULL,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX channel_event_type_occurred ON channel_event (type, occurred_at)`);
    await queryRunner.query(`CREATE INDEX channel_event_subject ON channel_event (subject)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE channel_event`);
  }
}
