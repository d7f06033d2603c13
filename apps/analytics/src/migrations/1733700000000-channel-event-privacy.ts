import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Channel events keep no buyer PII (only the account id), and erasure finds a buyer's events by index. */
export class ChannelEventPrivacy1733700000000 implements MigrationInterface {
  name = 'ChannelEventPrivacy1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE channel_event SET payload = jsonb_set(payload, '{buyer}', jsonb_build_object('platformUserId', payload -> 'buyer' -> 'platformUserId'))
        WHERE payload -> 'buyer' ?| array['phone', 'nickname', 'phoneSealed', 'nicknameSealed', 'phoneHash']`,
    );
    await queryRunner.query(`CREATE INDEX channel_event_buyer ON channel_event (channel, (payload -> 'buyer' ->> 'platformUserId')) WHERE payload ? 'buyer'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX channel_event_buyer`);
  }
}
