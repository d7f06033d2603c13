import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly marketing budgets per paid source (campaign '' for the whole source) and the outcomes they are meant to buy. */
export class BudgetPlans1796170400000 implements MigrationInterface {
  name = 'BudgetPlans1796170400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE budget_plan (month date NOT NULL, source text NOT NULL, campaign text NOT NULL, budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
         gmv_target_fen bigint CHECK (gmv_target_fen >= 0), orders_target integer CHECK (orders_target >= 0), set_by text NOT NULL, set_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (month, source, campaign))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE budget_plan`);
  }
}
