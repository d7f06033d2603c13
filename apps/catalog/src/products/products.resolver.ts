import { Args, createUnionType, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import {
  byResultClass,
  Ctx,
  groupByKey,
  invalidField,
  InvalidStateError,
  Loaders,
  NotFoundError,
  Public,
  Roles,
  type GraphQLContext,
  type LoaderRegistry,
  type RequestContext,
} from '@shopops/platform';
import { CreateProductInput, UpdateProductInput } from './dto/create-product.input';
import { DuplicateCodeError, VersionConflictError } from './product-errors';
import { ProductLoaders } from './product-loaders';
import { ProductVersion } from './product-version.model';
import { PortfolioRole, Product } from './product.entity';
import { CATALOG_STAFF, skusVisibleTo, visibleTo } from './product-visibility';
import { ProductsService, type CreateProductOutcome, type UpdateProductOutcome } from './products.service';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

export const CreateProductResult = createUnionType({
  name: 'CreateProductResult',
  types: () => [Product, DuplicateCodeError] as const,
  resolveType: byResultClass,
});
export const UpdateProductResult = createUnionType({
  name: 'UpdateProductResult',
  types: () => [Product, NotFoundError, VersionConflictError, DuplicateCodeError, InvalidStateError] as const,
  resolveType: byResultClass,
});
export const ArchiveProductResult = createUnionType({
  name: 'ArchiveProductResult',
  types: () => [Product, NotFoundError] as const,
  resolveType: byResultClass,
});

@Resolver(() => Product)
export class ProductsResolver {
  constructor(
    private readonly productsService: ProductsService,
    private readonly skusService: SkusService,
    private readonly productLoaders: ProductLoaders,
  ) {}

  @Roles('operator')
  @Mutation(() => CreateProductResult, { description: 'Creates a product with its SKUs.' })
  createProduct(@Ctx() ctx: RequestContext, @Args('input') input: CreateProductInput): Promise<CreateProductOutcome> {
    return this.productsService.createProduct(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => UpdateProductResult, { description: 'Changes a product’s details and adds SKUs; a new version each time.' })
  updateProduct(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProductInput): Promise<UpdateProductOutcome> {
    return this.productsService.updateProduct(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => ArchiveProductResult, { description: 'Takes a product off the range for good (kept for history).' })
  archiveProduct(@Ctx() ctx: RequestContext, @Args('code') code: string, @Args('reason') reason: string) {
    if (!reason.trim() || reason.length > 500) throw invalidField('reason', 'must be 1 to 500 characters');
    return this.productsService.archiveProduct(ctx, code, reason);
  }

  @Public()
  @Query(() => Product, { nullable: true, description: 'Without a staff role, only a product on sale; null otherwise.' })
  async product(@Ctx() ctx: RequestContext, @Args('code') code: string, @Loaders() loaders: LoaderRegistry): Promise<Product | undefined> {
    return visibleTo(ctx, await this.productLoaders.byCode(loaders).load(code));
  }

  @Roles(...CATALOG_STAFF)
  @ResolveField(() => String, { nullable: true, description: 'Staff only' })
  designerNotes(@Parent() product: Product): string | null {
    return product.designerNotes;
  }

  @Roles(...CATALOG_STAFF)
  @ResolveField(() => PortfolioRole, { description: 'Staff only' })
  portfolioRole(@Parent() product: Product): PortfolioRole {
    return product.portfolioRole;
  }

  @Public()
  @ResolveField(() => [Sku], { description: 'Without a staff role, archived SKUs are left out' })
  async skus(@Ctx() ctx: RequestContext, @Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<Sku[]> {
    const skus = await loaders
      .get<string, Sku[]>('skusByProductId', async (ids) => groupByKey(ids, await this.skusService.findByProductIds(ids), (s) => s.productId))
      .load(product.id);
    return skusVisibleTo(ctx, skus);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => [ProductVersion], { description: 'Newest first' })
  versions(@Parent() product: Product, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<ProductVersion[]> {
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return this.productsService.versionsOf(product.id, first);
  }

  /** Apollo passes (reference, context): parameter decorators do not apply here. */
  @Public()
  @ResolveReference()
  async resolveReference(reference: { id?: string; code?: string }, context: GraphQLContext): Promise<Product | undefined> {
    const { loaders } = context;
    const product = reference.id
      ? await this.productLoaders.byId(loaders).load(reference.id)
      : await this.productLoaders.byCode(loaders).load(String(reference.code));
    return visibleTo(context.requestContext, product);
  }
}
