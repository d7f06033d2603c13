import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A phone a member or agent typed into the profile is unverified: it never joins a platform buyer to that member. */
export class DeclaredPhones1733800000000 implements MigrationInterface {
  name = 'DeclaredPhones1733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member ADD COLUMN phone_declared boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member DROP COLUMN phone_declared`);
  }
}
