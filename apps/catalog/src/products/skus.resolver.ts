import { Args, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { alignByKey, Ctx, groupByKey, Loaders, Public, Roles, type GraphQLContext, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { PricePoint, Promotion, TierPrice } from '../pricing/pricing.model';
import { PricingService } from '../pricing/pricing.service';
import { Product } from './product.entity';
import { isSkuOnSale, seesWholeRange } from './product-visibility';
import { ProductsService } from './products.service';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

@Resolver(() => Sku)
export class SkusResolver {
  constructor(
    private readonly skus: SkusService,
    private readonly products: ProductsService,
    private readonly pricing: PricingService,
  ) {}

  @Public()
  @Query(() => Sku, { nullable: true, description: 'A SKU by its code, or null if there is none (without a staff role, also when it is archived or its product is not on sale).' })
  async sku(@Ctx() ctx: RequestContext, @Args('code') code: string, @Loaders() loaders: LoaderRegistry): Promise<Sku | undefined> {
    return this.visibleSku(ctx, loaders, await this.byCode(loaders).load(code));
  }

  @Public()
  @ResolveField(() => Product)
  product(@Parent() sku: Sku, @Loaders() loaders: LoaderRegistry): Promise<Product | undefined> {
    return this.productById(loaders).load(sku.productId);
  }

  @Public()
  @ResolveField(() => [TierPrice], { description: 'Member-tier prices' })
  tierPrices(@Parent() sku: Sku, @Loaders() loaders: LoaderRegistry): Promise<TierPrice[]> {
    return loaders.get<string, TierPrice[]>('tierPricesBySkuId', async (ids) => groupByKey(ids, await this.pricing.tierPricesOf(ids), (t) => t.skuId)).load(sku.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => [PricePoint], { description: 'List price changes, newest first' })
  priceHistory(@Parent() sku: Sku, @Loaders() loaders: LoaderRegistry): Promise<PricePoint[]> {
    return loaders.get<string, PricePoint[]>('priceHistoryBySkuId', async (ids) => groupByKey(ids, await this.pricing.priceHistoryOf(ids), (p) => p.skuId)).load(sku.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => [Promotion], { description: 'Promotions on this SKU, newest first' })
  promotions(@Parent() sku: Sku): Promise<Promotion[]> {
    return this.pricing.promotions(undefined, sku.code, 50);
  }

  /** Apollo passes (reference, context): parameter decorators do not apply here. */
  @Public()
  @ResolveReference()
  async resolveReference(reference: { id?: string; code?: string }, context: GraphQLContext): Promise<Sku | undefined> {
    const { loaders } = context;
    const sku = reference.id
      ? await loaders.get<string, Sku | undefined>('skuById', async (ids) => alignByKey(ids, await this.skus.findByIds(ids), (s) => s.id)).load(reference.id)
      : await this.byCode(loaders).load(String(reference.code));
    return this.visibleSku(context.requestContext, loaders, sku);
  }

  /** Without a staff role, a SKU is visible only while it is on sale (not archived, its product on sale). */
  private async visibleSku(ctx: RequestContext, loaders: LoaderRegistry, sku: Sku | undefined): Promise<Sku | undefined> {
    if (!sku || seesWholeRange(ctx)) return sku;
    return isSkuOnSale(sku, await this.productById(loaders).load(sku.productId)) ? sku : undefined;
  }

  private productById(loaders: LoaderRegistry) {
    return loaders.get<string, Product | undefined>('productById', async (ids) => alignByKey(ids, await this.products.findByIds(ids), (p) => p.id));
  }

  private byCode(loaders: LoaderRegistry) {
    return loaders.get<string, Sku | undefined>('skuByCode', async (codes) => alignByKey(codes, await this.skus.findByCodes(codes), (s) => s.code));
  }
}
