import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Nicknames are sealed like phones; clear ones move over in the daily re-sealing (no key in SQL). */
export class SealedNickname1733900000000 implements MigrationInterface {
  name = 'SealedNickname1733900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member ADD COLUMN nickname_sealed text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE member DROP COLUMN nickname_sealed`);
  }
}
