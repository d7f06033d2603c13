import { Args, Float, Int, Query, Resolver } from '@nestjs/graphql';
import { invalidField, Roles } from '@shopops/platform';
import { assertRangeWithinTwoYears } from '../date-range';
import { READERS } from '../roles';
import { KpiGrain, KpiRow, KpisService, SalesGrouping, SalesRow, ServiceKpis, SkuSalesDay, StockHealth } from './kpis.service';

/** Shop, sales, service and stock KPIs, read from the rollups. */
@Resolver()
export class KpisResolver {
  constructor(private readonly kpisService: KpisService) {}

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
    assertRangeWithinTwoYears(from, to);
    return this.kpisService.kpis(from, to, grain, byChannel, channel, device);
  }

  @Roles(...READERS)
  @Query(() => Float, { nullable: true, description: 'Share of buyers with two or more paid orders in the range' })
  repurchaseRate(@Args('from') from: string, @Args('to') to: string): Promise<number | null> {
    assertRangeWithinTwoYears(from, to);
    return this.kpisService.repurchaseRate(from, to);
  }

  @Roles(...READERS, 'warehouse')
  @Query(() => [SkuSalesDay], { description: 'Daily units sold of a SKU, every day of the range (for demand forecasts)' })
  demandSeries(@Args('skuCode') skuCode: string, @Args('from') from: string, @Args('to') to: string): Promise<SkuSalesDay[]> {
    assertRangeWithinTwoYears(from, to);
    return this.kpisService.demandSeries(skuCode, from, to);
  }

  @Roles(...READERS)
  @Query(() => ServiceKpis, { description: 'Customer-service response time, resolution rate and auto-answer rate, from its events' })
  serviceKpis(
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('channel', { type: () => String, nullable: true }) channel?: string,
  ): Promise<ServiceKpis> {
    assertRangeWithinTwoYears(from, to);
    return this.kpisService.serviceKpis(from, to, channel);
  }

  @Roles(...READERS, 'warehouse')
  @Query(() => StockHealth, { description: 'Out-of-stock rate over channel listings and 30-day turnover, from inventory’s channel stock' })
  stockHealth(@Args('channel', { type: () => String, nullable: true }) channel?: string): Promise<StockHealth> {
    return this.kpisService.stockHealth(channel);
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
    assertRangeWithinTwoYears(from, to);
    if (first < 1 || first > 1000) throw invalidField('first', 'must be 1 to 1000');
    return this.kpisService.sales(from, to, groupBy, channel, first);
  }
}
