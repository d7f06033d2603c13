import { Args, createUnionType, Float, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, forbidden, invalidField, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { assertDateRange } from './date-range';
import { ExperimentAnalysis, ExperimentInput, ExperimentsService } from './experiments/experiments.service';
import { Funnel, FunnelInput, FunnelsService } from './funnels/funnels.service';
import { KpiGrain, KpiRow, KpisService, SalesGrouping, SalesRow, ServiceKpis, SkuSalesDay, StockHealth } from './kpis/kpis.service';
import { AssociationRule, RecommendationsService, SimilarProduct } from './recommendations/recommendations.service';

const READERS = ['analyst', 'operator'] as const;
export const ExperimentResult = createUnionType({ name: 'ExperimentResult', types: () => [ExperimentAnalysis, NotFoundError] as const, resolveType: byResultClass });

/** Two years at most: the rollups are daily. */
const dates = (from: string, to: string) => assertDateRange(from, to, 731);

@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly kpisService: KpisService,
    private readonly funnelsService: FunnelsService,
    private readonly experimentsService: ExperimentsService,
    private readonly recommendationsService: RecommendationsService,
  ) {}

  @Roles(...READERS)
  @Query(() => [KpiRow], { description: 'Shop KPIs by day or week (Asia/Shanghai), optionally per channel, for one channel or device' })
  shopKpis(
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('grain', { type: () => KpiGrain, defaultValue: KpiGrain.DAY }) grain: KpiGrain,
    @Args('byChannel', { type: () => Boolean, defaultValue: false }) byChannel: boolean,
    @Args('channel', { type: () => String, nullable: true }) channel?: string,
    @Args('device', { type: () => String, nullable: true }) device?: string,
  ): Promise<KpiRow[]> {
    dates(from, to);
    return this.kpisService.kpis(from, to, grain, byChannel, channel, device);
  }

  @Roles(...READERS)
  @Query(() => Float, { nullable: true, description: 'Share of buyers with two or more paid orders in the range' })
  repurchaseRate(@Args('from') from: string, @Args('to') to: string): Promise<number | null> {
    dates(from, to);
    return this.kpisService.repurchaseRate(from, to);
  }

  @Roles(...READERS, 'warehouse')
  @Query(() => [SkuSalesDay], { description: 'Daily units sold of a SKU, every day of the range (for demand forecasts)' })
  demandSeries(@Args('skuCode') skuCode: string, @Args('from') from: string, @Args('to') to: string): Promise<SkuSalesDay[]> {
    dates(from, to);
    return this.kpisService.demandSeries(skuCode, from, to);
  }

  @Roles(...READERS)
  @Query(() => [Funnel], { description: 'Ordered steps within a conversion window, with the drop and median time at each step' })
  funnel(@Args('input') input: FunnelInput): Promise<Funnel[]> {
    dates(input.from, input.to);
    return this.funnelsService.funnel(input);
  }

  @Roles('operator')
  @Mutation(() => ExperimentAnalysis, { description: 'Defines an A/B test; the planned sample per variant follows from baseline and minimum effect.' })
  defineExperiment(@Ctx() ctx: RequestContext, @Args('input') input: ExperimentInput): Promise<ExperimentAnalysis> {
    return this.experimentsService.define(ctx, input);
  }

  @Roles(...READERS, 'member')
  @Query(() => String, { nullable: true, description: 'The variant a visitor or member sees (stable); null for an unknown experiment' })
  async experimentVariant(@Ctx() ctx: RequestContext, @Args('key') key: string, @Args('unitId') unitId: string): Promise<string | null> {
    if (ctx.identity.role === 'member' && unitId !== ctx.identity.memberId) throw forbidden('A member may ask only for their own variant (unitId = their member id)');
    const variant = await this.experimentsService.assign(key, unitId);
    return typeof variant === 'string' ? variant : null;
  }

  @Roles(...READERS)
  @Query(() => ExperimentResult, { description: 'Read-out: z-test, Welch t-test on revenue, chance to win, sample-ratio check, fixed-horizon verdict' })
  experiment(@Args('key') key: string) {
    return this.experimentsService.analyse(key);
  }

  @Roles(...READERS, 'member')
  @Query(() => [AssociationRule], { description: 'Frequently bought together with a SKU (support, confidence, lift)' })
  boughtTogether(@Args('skuCode') skuCode: string, @Args('minOrders', { type: () => Int, defaultValue: 2 }) minOrders: number, @Args('first', { type: () => Int, defaultValue: 10 }) first: number) {
    if (minOrders < 1) throw invalidField('minOrders', 'must be 1 or more');
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return this.recommendationsService.boughtTogether([skuCode], minOrders, first);
  }

  @Roles(...READERS)
  @Query(() => [AssociationRule], { description: 'Picks for a buyer from what they bought, skipping what they have' })
  picksForBuyer(@Args('channel') channel: string, @Args('platformUserId') platformUserId: string, @Args('first', { type: () => Int, defaultValue: 10 }) first: number) {
    return this.recommendationsService.picksFor(`${channel}:${platformUserId}`, Math.min(Math.max(first, 1), 100));
  }

  @Roles(...READERS)
  @Query(() => ServiceKpis, { description: 'Customer-service response time, resolution rate and auto-answer rate, from its events' })
  serviceKpis(@Args('from') from: string, @Args('to') to: string, @Args('channel', { type: () => String, nullable: true }) channel?: string): Promise<ServiceKpis> {
    dates(from, to);
    return this.kpisService.serviceKpis(from, to, channel);
  }

  @Roles(...READERS, 'warehouse')
  @Query(() => StockHealth, { description: 'Out-of-stock rate over channel listings and 30-day turnover, from inventory’s channel stock' })
  stockHealth(@Args('channel', { type: () => String, nullable: true }) channel?: string): Promise<StockHealth> {
    return this.kpisService.stockHealth(channel);
  }

  @Roles(...READERS, 'member')
  @Query(() => [SimilarProduct], { description: 'You may also like: co-viewed and co-bought SKUs' })
  similarProducts(@Args('skuCode') skuCode: string, @Args('first', { type: () => Int, defaultValue: 10 }) first: number): Promise<SimilarProduct[]> {
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return this.recommendationsService.similar(skuCode, first);
  }

  @Roles(...READERS)
  @Query(() => [SalesRow], { description: 'Units, orders and GMV by SKU, product or category, best first' })
  sales(
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('groupBy', { type: () => SalesGrouping, defaultValue: SalesGrouping.PRODUCT }) groupBy: SalesGrouping,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('channel', { type: () => String, nullable: true }) channel?: string,
  ): Promise<SalesRow[]> {
    dates(from, to);
    if (first < 1 || first > 1000) throw invalidField('first', 'must be 1 to 1000');
    return this.kpisService.sales(from, to, groupBy, channel, first);
  }
}
