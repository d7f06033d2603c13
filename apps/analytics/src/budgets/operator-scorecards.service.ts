import { Inject, Injectable } from '@nestjs/common';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { festivalDays, selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { ratio, returnOnSpend } from '../figures';
import { TrafficService } from '../traffic/traffic.service';
import { BudgetsService, type BudgetLine } from './budgets.service';

@ObjectType({ description: 'One figure of a scorecard against its target' })
export class OperatorMeasure {
  @Field(() => String, { description: 'gmvAttainment (at least), roi (at least) or budgetUsed (at most 1)' }) name!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float) target!: number;
  @Field(() => Boolean, { nullable: true, description: 'Null when there is nothing to judge (no target, no spend)' }) met!: boolean | null;
}

@ObjectType({ description: 'The festival of the month (618, 双11) over its whole window, run-up included' })
export class OperatorFestival {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'First day, YYYY-MM-DD' }) from!: string;
  @Field(() => String, { description: 'Last day, YYYY-MM-DD' }) to!: string;
  @Field(() => Int) orders!: number;
  @Field(() => Float) gmvFen!: number;
  @Field(() => Float) spendFen!: number;
  @Field(() => Float, { nullable: true }) roi!: number | null;
}

@ObjectType({ description: 'An operator’s month (绩效考核): the campaigns whose plans they set, against their targets' })
export class OperatorScorecard {
  @Field(() => String, { description: 'Who set the campaign plans (the token’s subject)' }) operator!: string;
  @Field(() => String) month!: string;
  @Field(() => [String], { description: 'source/campaign of each plan' }) campaigns!: string[];
  @Field(() => Int) orders!: number;
  @Field(() => Float, { description: 'Campaign GMV' }) gmvFen!: number;
  @Field(() => Float, { nullable: true, description: 'Sum of the GMV targets set; null when none was' }) gmvTargetFen!: number | null;
  @Field(() => Float) budgetFen!: number;
  @Field(() => Float) spendFen!: number;
  @Field(() => Float, { nullable: true }) roi!: number | null;
  @Field(() => Int, { description: 'Campaigns that spent more than their budget' }) overBudgetCampaigns!: number;
  @Field(() => [OperatorMeasure]) measures!: OperatorMeasure[];
  @Field(() => OperatorFestival, { nullable: true, description: 'Only in a festival’s month' }) festival!: OperatorFestival | null;
}

/** An operator's month against the shop's marks: GMV attainment and ROI at least, spend within budget. */
export function operatorMeasures(
  figures: { gmvAttainment: number | null; roi: number | null; spendFen: number; budgetFen: number },
  targets: { gmvAttainmentPercent: number; minRoiPercent: number },
): OperatorMeasure[] {
  const measure = (name: string, value: number | null, target: number, met: boolean | null) =>
    Object.assign(new OperatorMeasure(), { name, value, target, met });
  const { gmvAttainment, roi, spendFen, budgetFen } = figures;
  const budgetUsed = ratio(spendFen, budgetFen);
  return [
    measure(
      'gmvAttainment',
      gmvAttainment,
      targets.gmvAttainmentPercent / 100,
      gmvAttainment === null ? null : gmvAttainment * 100 >= targets.gmvAttainmentPercent,
    ),
    measure('roi', roi, targets.minRoiPercent / 100, roi === null ? null : roi * 100 >= targets.minRoiPercent),
    measure('budgetUsed', budgetUsed, 1, budgetUsed === null ? null : spendFen <= budgetFen),
  ];
}

/**
 * Operators' monthly scorecards from the campaign plans they set (`setBudgetPlan` with a
 * campaign): campaign GMV against the targets (ANALYTICS_SCORECARD_GMV_ATTAINMENT_PERCENT of
 * them), ROI against ANALYTICS_BUDGET_MIN_ROI_PERCENT and spend within budget; in a festival's
 * month (ANALYTICS_SCORECARD_FESTIVALS) the festival window's figures of the same campaigns.
 */
@Injectable()
export class OperatorScorecardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly traffic: TrafficService,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  async scorecards(month: string): Promise<OperatorScorecard[]> {
    const owners = await selectRows<{ source: string; campaign: string; set_by: string }>(
      this.dataSource,
      `SELECT source, campaign, set_by FROM budget_plan WHERE month = $1::date AND campaign <> '' ORDER BY set_by, source, campaign`,
      [`${month}-01`],
    );
    if (!owners.length) return [];
    const key = (source: string, campaign: string) => `${source}/${campaign}`;
    const lines = new Map((await this.budgets.againstPlan(month)).filter((l) => l.campaign).map((l) => [key(l.source, l.campaign), l]));
    const festival = festivalDays(month, this.config.scorecard.festivals);
    const festivalSales = festival
      ? new Map((await this.traffic.paidPerformance(festival.from, festival.to, true)).map((p) => [key(p.source, p.campaign), p]))
      : undefined;
    const byOperator = new Map<string, string[]>();
    for (const o of owners) byOperator.set(o.set_by, [...(byOperator.get(o.set_by) ?? []), key(o.source, o.campaign)]);
    return [...byOperator].map(([operator, campaigns]) => {
      const own = campaigns.map((c) => lines.get(c)).filter((l): l is BudgetLine => l !== undefined);
      const sum = (pick: (l: BudgetLine) => number | null) => own.reduce((total, l) => total + (pick(l) ?? 0), 0);
      const targeted = own.filter((l) => l.gmvTargetFen !== null);
      const gmvTargetFen = targeted.length ? sum((l) => l.gmvTargetFen) : null;
      const gmvFen = sum((l) => l.gmvFen);
      const spendFen = sum((l) => l.spendFen);
      const budgetFen = sum((l) => l.budgetFen);
      const roi = returnOnSpend(gmvFen, spendFen, this.config.marginPercent);
      // Attainment over the targeted campaigns only: an untargeted one neither helps nor hurts.
      const gmvAttainment =
        gmvTargetFen === null
          ? null
          : ratio(
              targeted.reduce((t, l) => t + l.gmvFen, 0),
              gmvTargetFen,
            );
      const festivalOwn = festivalSales ? campaigns.map((c) => festivalSales.get(c)).filter((p) => p !== undefined) : [];
      return Object.assign(new OperatorScorecard(), {
        operator,
        month,
        campaigns,
        orders: sum((l) => l.orders),
        gmvFen,
        gmvTargetFen,
        budgetFen,
        spendFen,
        roi,
        overBudgetCampaigns: own.filter((l) => l.overBudget).length,
        measures: operatorMeasures(
          { gmvAttainment, roi, spendFen, budgetFen },
          { gmvAttainmentPercent: this.config.scorecard.gmvAttainmentPercent, minRoiPercent: this.config.budgetMinRoiPercent },
        ),
        festival: festival
          ? Object.assign(new OperatorFestival(), {
              ...festival,
              orders: festivalOwn.reduce((t, p) => t + p.orders, 0),
              gmvFen: festivalOwn.reduce((t, p) => t + p.gmvFen, 0),
              spendFen: festivalOwn.reduce((t, p) => t + p.spendFen, 0),
              roi: returnOnSpend(
                festivalOwn.reduce((t, p) => t + p.gmvFen, 0),
                festivalOwn.reduce((t, p) => t + p.spendFen, 0),
                this.config.marginPercent,
              ),
            })
          : null,
      });
    });
  }
}
