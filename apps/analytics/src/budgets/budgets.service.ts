import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { execute, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { ratio } from '../figures';
import { PAID_SOURCES, TrafficService, type PaidPerformance } from '../traffic/traffic.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class BudgetPlanInput {
  @Field(() => String, { description: 'YYYY-MM' }) @Matches(MONTH, { message: 'month must be YYYY-MM' }) month!: string;
  @Field(() => String, { description: PAID_SOURCES.join(', ') })
  @IsIn(PAID_SOURCES, { message: `source must be one of ${PAID_SOURCES.join(', ')}` })
  source!: string;
  @Field(() => String, { defaultValue: '', description: 'Empty for the whole source' }) @IsString() @Length(0, 64) campaign!: string;
  @Field(() => Float) @IsInt() @Min(0) @Max(10_000_000_000) budgetFen!: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000_000) gmvTargetFen?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) ordersTarget?: number;
}

@ObjectType({ description: 'A month’s plan for a paid source (or one of its campaigns) against what was spent and what it brought' })
export class BudgetLine {
  @Field(() => String) month!: string;
  @Field(() => String) source!: string;
  @Field(() => String, { description: 'Empty for the whole source' }) campaign!: string;
  @Field(() => Float, { nullable: true, description: 'Null for spend no plan covers' }) budgetFen!: number | null;
  @Field(() => Float, { description: 'Imported ad spend' }) spendFen!: number;
  @Field(() => Float, { nullable: true, description: 'budget − spend' }) remainingFen!: number | null;
  @Field(() => Float, { nullable: true, description: 'spend ÷ budget' }) budgetUsed!: number | null;
  @Field(() => Boolean, { description: 'Spend above the budget (any spend without one)' }) overBudget!: boolean;
  @Field(() => Int) orders!: number;
  @Field(() => Float) gmvFen!: number;
  @Field(() => Float, { nullable: true }) roas!: number | null;
  @Field(() => Float, { nullable: true }) roi!: number | null;
  @Field(() => Boolean, { description: 'ROI under ANALYTICS_BUDGET_MIN_ROI_PERCENT' }) roiBelowThreshold!: boolean;
  @Field(() => Float, { nullable: true }) gmvTargetFen!: number | null;
  @Field(() => Float, { nullable: true, description: 'GMV ÷ GMV target' }) gmvAttainment!: number | null;
  @Field(() => Int, { nullable: true }) ordersTarget!: number | null;
  @Field(() => Float, { nullable: true, description: 'orders ÷ orders target' }) ordersAttainment!: number | null;
}

interface PlanRow {
  source: string;
  campaign: string;
  budget_fen: string;
  gmv_target_fen: string | null;
  orders_target: number | null;
}

/** The first and last day of a YYYY-MM month. */
function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Budgets against plan: a monthly budget (and GMV and order targets) per paid source or campaign,
 * read against the imported ad spend and the sales attributed to it, with ROAS and ROI.
 */
@Injectable()
export class BudgetsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly traffic: TrafficService,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  /** Sets (or replaces) a month's plan for a source or campaign. */
  async setPlan(ctx: RequestContext, input: BudgetPlanInput): Promise<BudgetLine> {
    await this.unitOfWork.run(ctx, (tx) =>
      execute(
        tx.em,
        `INSERT INTO budget_plan (month, source, campaign, budget_fen, gmv_target_fen, orders_target, set_by) VALUES ($1::date, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (month, source, campaign) DO UPDATE SET budget_fen = EXCLUDED.budget_fen, gmv_target_fen = EXCLUDED.gmv_target_fen,
           orders_target = EXCLUDED.orders_target, set_by = EXCLUDED.set_by, set_at = now()`,
        [
          `${input.month}-01`,
          input.source,
          input.campaign ?? '',
          input.budgetFen,
          input.gmvTargetFen ?? null,
          input.ordersTarget ?? null,
          ctx.identity.subject,
        ],
      ),
    );
    const lines = await this.againstPlan(input.month);
    return lines.find((l) => l.source === input.source && l.campaign === (input.campaign ?? '')) as BudgetLine;
  }

  /**
   * Every plan of the month against its spend and outcomes (a whole-source plan against the whole
   * source, a campaign's against that campaign), then paid sources that spent without a plan.
   */
  async againstPlan(month: string): Promise<BudgetLine[]> {
    const { from, to } = monthRange(month);
    const plans = await selectRows<PlanRow>(
      this.dataSource,
      `SELECT source, campaign, budget_fen, gmv_target_fen, orders_target FROM budget_plan WHERE month = $1::date ORDER BY source, campaign`,
      [from],
    );
    const [bySource, byCampaign] = await Promise.all([this.traffic.paidPerformance(from, to, false), this.traffic.paidPerformance(from, to, true)]);
    const actual = (source: string, campaign: string) => (campaign ? byCampaign : bySource).find((p) => p.source === source && p.campaign === campaign);
    const planned = plans.map((plan) => this.line(month, plan.source, plan.campaign, plan, actual(plan.source, plan.campaign)));
    const unplanned = bySource
      .filter((p) => p.spendFen > 0 && !plans.some((plan) => plan.source === p.source))
      .map((p) => this.line(month, p.source, '', undefined, p));
    return [...planned, ...unplanned];
  }

  private line(month: string, source: string, campaign: string, plan: PlanRow | undefined, actual: PaidPerformance | undefined): BudgetLine {
    const budget = plan ? Number(plan.budget_fen) : null;
    const spend = actual?.spendFen ?? 0;
    const orders = actual?.orders ?? 0;
    const gmv = actual?.gmvFen ?? 0;
    const roi = actual?.roi ?? null;
    const gmvTarget = plan?.gmv_target_fen != null ? Number(plan.gmv_target_fen) : null;
    const ordersTarget = plan?.orders_target ?? null;
    return Object.assign(new BudgetLine(), {
      month,
      source,
      campaign,
      budgetFen: budget,
      spendFen: spend,
      remainingFen: budget === null ? null : budget - spend,
      budgetUsed: budget === null ? null : ratio(spend, budget),
      overBudget: budget === null ? spend > 0 : spend > budget,
      orders,
      gmvFen: gmv,
      roas: actual?.roas ?? null,
      roi,
      roiBelowThreshold: roi !== null && roi < this.config.budgetMinRoiPercent / 100,
      gmvTargetFen: gmvTarget,
      gmvAttainment: gmvTarget === null ? null : ratio(gmv, gmvTarget),
      ordersTarget,
      ordersAttainment: ordersTarget === null ? null : ratio(orders, ordersTarget),
    });
  }
}
