import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Overdue flags for contact tasks and after-sales cases, and the crisis statements of an incident. */
export class OverdueWatch1733300000000 implements MigrationInterface {
  name = 'OverdueWatch1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE contact_task ADD COLUMN overdue_at timestamptz`);
    await sql(`CREATE INDEX contact_task_pending ON contact_task (due_at) WHERE done_at IS NULL AND overdue_at IS NULL`);
    await sql(`ALTER TABLE after_sales_case ADD COLUMN overdue_at timestamptz`);
    await sql(`CREATE INDEX after_sales_case_pending ON after_sales_case (due_at) WHERE completed_at IS NULL AND overdue_at IS NULL`);
    await sql(`ALTER TABLE review_incident ADD COLUMN statements jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE review_incident DROP COLUMN statements`);
    await queryRunner.query(`DROP INDEX after_sales_case_pending`);
    await queryRunner.query(`ALTER TABLE after_sales_case DROP COLUMN overdue_at`);
    await queryRunner.query(`DROP INDEX contact_task_pending`);
    await queryRunner.query(`ALTER TABLE contact_task DROP COLUMN overdue_at`);
  }
}
