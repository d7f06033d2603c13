import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each erasure request and the services it went to, and each service's confirmation that it erased what it held. */
export class ErasureConfirmations1734100000000 implements MigrationInterface {
  name = 'ErasureConfirmations1734100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE erasure_request (request_id uuid PRIMARY KEY, member_id uuid NOT NULL, requested_at timestamptz NOT NULL DEFAULT now(), notified text[] NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE erasure_confirmation (request_id uuid NOT NULL, service text NOT NULL, confirmed_at timestamptz NOT NULL, PRIMARY KEY (request_id, service))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE erasure_confirmation`);
    await queryRunner.query(`DROP TABLE erasure_request`);
  }
}
