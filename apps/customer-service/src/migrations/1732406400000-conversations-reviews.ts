import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConversationsReviews1732406400000 implements MigrationInterface {
  name = 'ConversationsReviews1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE conversation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL,
        external_id text NOT NULL,
        platform_user_id text,
        status text NOT NULL DEFAULT 'open',
        opened_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel, external_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE message (
        id bigserial PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversation(id),
        author text NOT NULL,
        text text NOT NULL,
        sent_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX message_conversation ON message (conversation_id, sent_at)`);
    await queryRunner.query(`
      CREATE TABLE review (
        channel text NOT NULL,
        review_id text NOT NULL,
        order_id text NOT NULL,
        sku_code text NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        text text NOT NULL,
        images text[] NOT NULL DEFAULT '{}',
        sentiment text NOT NULL,
        reviewed_at timestamptz NOT NULL,
        PRIMARY KEY (channel, review_id)
      )`);
    await queryRunner.query(`CREATE INDEX review_sku ON review (sku_code, reviewed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE review`);
    await queryRunner.query(`DROP TABLE message`);
    await queryRunner.query(`DROP TABLE conversation`);
  }
}
