import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Public, Roles, type LoaderRegistry } from '@shopops/platform';
import { Sku } from '../products/sku.entity';
import { PricePoint, Promotion, TierPrice } from './pricing.model';
import { PricingService } from './pricing.service';
import { PromotionsService } from './promotions.service';

/** A SKU's member-tier prices, list price history and promotions. */
@Resolver(() => Sku)
export class SkuPricingFieldsResolver {
  constructor(
    private readonly pricing: PricingService,
    private readonly promotionsService: PromotionsService,
  ) {}

  @Public()
  @ResolveField(() => [TierPrice], { description: 'Member-tier prices' })
  tierPrices(@Parent() sku: Sku, @Loaders() loaders: LoaderRegistry): Promise<TierPrice[]> {
    return loaders
      .get<string, TierPrice[]>('tierPricesBySkuId', async (ids) => groupByKey(ids, await this.pricing.tierPricesOf(ids), (t) => t.skuId))
      .load(sku.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => [PricePoint], { description: 'List price changes, newest first' })
  priceHistory(@Parent() sku: Sku, @Loaders() loaders: LoaderRegistry): Promise<PricePoint[]> {
    return loaders
      .get<string, PricePoint[]>('priceHistoryBySkuId', async (ids) => groupByKey(ids, await this.pricing.priceHistoryOf(ids), (p) => p.skuId))
      .load(sku.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => [Promotion], { description: 'Promotions on this SKU, newest first' })
  promotions(@Parent() sku: Sku): Promise<Promotion[]> {
    return this.promotionsService.promotions(undefined, sku.code, 50);
  }
}
