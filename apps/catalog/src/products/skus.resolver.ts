import { Args, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { alignByKey, Ctx, Loaders, Public, type GraphQLContext, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { ProductLoaders } from './product-loaders';
import { Product } from './product.entity';
import { isSkuOnSale, seesWholeRange } from './product-visibility';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

@Resolver(() => Sku)
export class SkusResolver {
  constructor(
    private readonly skus: SkusService,
    private readonly productLoaders: ProductLoaders,
  ) {}

  @Public()
  @Query(() => Sku, {
    nullable: true,
    description: 'A SKU by its code, or null if there is none (without a staff role, also when it is archived or its product is not on sale).',
  })
  async sku(@Ctx() ctx: RequestContext, @Args('code') code: string, @Loaders() loaders: LoaderRegistry): Promise<Sku | undefined> {
    return this.visibleSku(ctx, loaders, await this.byCode(loaders).load(code));
  }

  @Public()
  @ResolveField(() => Product)
  product(@Parent() sku: Sku, @Loaders() loaders: LoaderRegistry): Promise<Product | undefined> {
    return this.productLoaders.byId(loaders).load(sku.productId);
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
    return isSkuOnSale(sku, await this.productLoaders.byId(loaders).load(sku.productId)) ? sku : undefined;
  }

  private byCode(loaders: LoaderRegistry) {
    return loaders.get<string, Sku | undefined>('skuByCode', async (codes) => alignByKey(codes, await this.skus.findByCodes(codes), (s) => s.code));
  }
}
