import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { isCalendarMonth } from '@shopops/contracts';
import { invalidField, Roles } from '@shopops/platform';
import { READERS } from '../roles';
import { Cohort, CohortsService, LifetimeValue } from './cohorts.service';

@Resolver()
export class CohortsResolver {
  constructor(private readonly cohortsService: CohortsService) {}

  @Roles(...READERS)
  @Query(() => [Cohort], { description: 'Monthly cohorts by first paid order, with retention by month since' })
  cohorts(@Args('fromMonth') fromMonth: string, @Args('months', { type: () => Int, defaultValue: 12 }) months: number): Promise<Cohort[]> {
    if (!isCalendarMonth(fromMonth)) throw invalidField('fromMonth', 'must be an existing month, YYYY-MM');
    if (months < 1 || months > 60) throw invalidField('months', 'must be 1 to 60');
    return this.cohortsService.cohorts(fromMonth, months);
  }

  @Roles(...READERS)
  @Query(() => LifetimeValue, { description: 'Observed value per customer and the AOV × frequency × margin projection' })
  customerLifetimeValue(): Promise<LifetimeValue> {
    return this.cohortsService.lifetimeValue();
  }
}
