import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { invalidField, Roles } from '@shopops/platform';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { monthOf, monthPeriod } from './scorecard';
import { StaffScorecard } from './staff-scorecard.model';
import { StaffScorecardsService } from './staff-scorecards.service';

@Resolver(() => StaffScorecard)
export class StaffScorecardsResolver {
  constructor(
    private readonly scorecardsService: StaffScorecardsService,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  /** Performance reviews: for the people who run the shop and read its figures, not for the staff reviewed. */
  @Roles('operator', 'analyst')
  @Query(() => [StaffScorecard], {
    description: 'Monthly scorecards per member of staff against targets (response time, resolution rate, CSAT), with the 618/双11 assessment in their months',
  })
  staffScorecards(@Args('month', { type: () => String, nullable: true, description: 'YYYY-MM in the shop’s time; this month by default' }) month?: string) {
    const offset = this.config.calendar.spec.utcOffsetMinutes;
    const chosen = month ?? monthOf(new Date(), offset);
    const period = monthPeriod(chosen, offset);
    if (!period) throw invalidField('month', 'must be YYYY-MM');
    return this.scorecardsService.scorecards(chosen, period);
  }
}
