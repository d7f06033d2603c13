import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buyer phones and nicknames are sealed from now on; those already stored in clear are left out
 * (no key in SQL to seal them). Deliveries get the keyed account hash erasure finds them by.
 */
export class WebhookPrivacy1733700000000 implements MigrationInterface {
  name = 'WebhookPrivacy1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE webhook_delivery ADD COLUMN buyer_ref text, ADD COLUMN body_redacted_at timestamptz`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_buyer_ref ON webhook_delivery (buyer_ref) WHERE buyer_ref IS NOT NULL`);
    // The daily retention run looks only at bodies not yet reduced.
    await queryRunner.query(`CREATE INDEX webhook_delivery_body_kept ON webhook_delivery (received_at) WHERE body_redacted_at IS NULL`);
    // jsonb refuses \u0000 and lone surrogates: such bodies with a buyer (if any) keep only their type.
    const unparseable = `body ~* '\\\\u(0000|d[89a-f])'`;
    await queryRunner.query(
      `UPDATE webhook_delivery SET body = jsonb_build_object('type', type, 'redacted', 'migration')::text
        WHERE ${unparseable} AND (body LIKE '%"phone"%' OR body LIKE '%"nickname"%')`,
    );
    await queryRunner.query(
      `UPDATE webhook_delivery SET body = (body::jsonb #- '{data,buyer,phone}' #- '{data,buyer,nickname}')::text
        WHERE CASE WHEN ${unparseable} THEN false ELSE body::jsonb -> 'data' -> 'buyer' ?| array['phone', 'nickname'] END`,
    );
    await queryRunner.query(
      `UPDATE outbox SET payload = payload #- '{buyer,phone}' #- '{buyer,nickname}' WHERE payload -> 'buyer' ?| array['phone', 'nickname']`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE webhook_delivery DROP COLUMN buyer_ref, DROP COLUMN body_redacted_at`);
  }
}
