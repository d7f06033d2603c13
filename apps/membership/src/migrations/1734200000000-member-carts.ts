import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What signed-in members put in their cart and have not ordered since: the basis of abandoned-cart reminders. */
export class MemberCarts1734200000000 implements MigrationInterface {
  name = 'MemberCarts1734200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE member_cart (member_id uuid NOT NULL, sku_code text NOT NULL, added_at timestamptz NOT NULL, PRIMARY KEY (member_id, sku_code))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member_cart`);
  }
}
