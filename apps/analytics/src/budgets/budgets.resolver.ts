import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, invalidField, Roles, type RequestContext } from '@shopops/platform';
import { READERS } from '../roles';
import { BudgetLine, BudgetPlanInput, BudgetsService } from './budgets.service';
import { OperatorScorecard, OperatorScorecardsService } from './operator-scorecards.service';

function checkedMonth(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalidField('month', 'must be YYYY-MM');
  return month;
}

/** Marketing budgets per paid source and campaign, against spend and outcomes. */
@Resolver()
export class BudgetsResolver {
  constructor(
    private readonly budgetsService: BudgetsService,
    private readonly operatorScorecardsService: OperatorScorecardsService,
  ) {}

  @Roles('operator')
  @Mutation(() => BudgetLine, { description: 'Sets (or replaces) a month’s budget and targets for a paid source or campaign; answers it against actuals' })
  setBudgetPlan(@Ctx() ctx: RequestContext, @Args('input') input: BudgetPlanInput): Promise<BudgetLine> {
    return this.budgetsService.setPlan(ctx, input);
  }

  @Roles(...READERS)
  @Query(() => [BudgetLine], { description: 'A month’s budgets against spend, orders, GMV, ROAS and ROI; spend without a plan after them' })
  budgetVsActual(@Args('month') month: string): Promise<BudgetLine[]> {
    return this.budgetsService.againstPlan(checkedMonth(month));
  }

  @Roles(...READERS)
  @Query(() => [OperatorScorecard], {
    description:
      'Monthly scorecards per operator: the campaigns whose plans they set, GMV against targets, ROI and budget, with the 618/双11 window in its month',
  })
  operatorScorecards(@Args('month') month: string): Promise<OperatorScorecard[]> {
    return this.operatorScorecardsService.scorecards(checkedMonth(month));
  }
}
