import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Members1732406400000 implements MigrationInterface {
  name = 'Members1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE member_identity (
        platform text NOT NULL,
        platform_user_id text NOT NULL,
        member_id uuid NOT NULL REFERENCES member(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform, platform_user_id)
      )`);
    await queryRunner.query(`CREATE INDEX member_identity_member ON member_identity (member_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member_identity`);
    await queryRunner.query(`DROP TABLE member`);
  }
}
