import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, type RequestContext } from '@shopops/platform';
import { assertDateRange } from '../date-range';
import { READERS } from '../roles';
import { AdSpendInput, KolTier, PaidPerformance, TrafficMix, TrafficService } from './traffic.service';

/** Traffic sources, imported ad spend and what it brought, KOL tiers. */
@Resolver()
export class TrafficResolver {
  constructor(private readonly trafficService: TrafficService) {}

  @Roles(...READERS)
  @Query(() => TrafficMix, { description: 'Visitors by traffic source, and the paid share against its limit' })
  trafficMix(@Args('from') from: string, @Args('to') to: string): Promise<TrafficMix> {
    assertDateRange(from, to);
    return this.trafficService.mix(from, to);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => Int, { description: 'Imports ad spend by day, paid source and campaign (a row again replaces its figure); answers the rows stored' })
  importAdSpend(@Ctx() ctx: RequestContext, @Args('rows', { type: () => [AdSpendInput] }) rows: AdSpendInput[]): Promise<number> {
    return this.trafficService.importSpend(ctx, rows);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => Int, { description: 'The same from CSV: day,source,campaign,spendFen (with a header row)' })
  importAdSpendCsv(@Ctx() ctx: RequestContext, @Args('csv') csv: string): Promise<number> {
    return this.trafficService.importSpend(ctx, this.trafficService.parseSpendCsv(csv));
  }

  @Roles(...READERS)
  @Query(() => [PaidPerformance], { description: 'Spend, attributed orders and GMV, ROAS and ROI per paid source (and campaign)' })
  paidChannelPerformance(
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('byCampaign', { type: () => Boolean, defaultValue: false }) byCampaign: boolean,
  ): Promise<PaidPerformance[]> {
    assertDateRange(from, to);
    return this.trafficService.paidPerformance(from, to, byCampaign);
  }

  @Roles(...READERS)
  @Query(() => [KolTier], { description: 'KOLs by the sales they brought: HEAD, MID, TAIL' })
  kolTiers(@Args('from') from: string, @Args('to') to: string): Promise<KolTier[]> {
    assertDateRange(from, to);
    return this.trafficService.kolTiers(from, to);
  }
}
