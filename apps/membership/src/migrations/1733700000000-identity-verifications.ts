import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time codes that prove a member holds an account another member has (hashes only). */
export class IdentityVerifications1733700000000 implements MigrationInterface {
  name = 'IdentityVerifications1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_verification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member(id),
        platform text NOT NULL,
        platform_user_id text NOT NULL,
        owner_member_id uuid NOT NULL REFERENCES member(id),
        code_hash text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX identity_verification_claim ON identity_verification (member_id, platform, platform_user_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity_verification`);
  }
}
