import { Args, createUnionType, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import {
  byResultClass,
  alignByKey,
  Connection,
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
  type Page,
  type RequestContext,
} from '@shopops/platform';
import { Collection } from '../collections/collections.model';
import { CollectionsService } from '../collections/collections.service';
import { ExitReview, LifecycleChange } from '../lifecycle/lifecycle.model';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { MediaCompleteness, ProductMedia } from '../media/media.model';
import { MediaService } from '../media/media.service';
import { SearchProductsArgs } from '../search/search.model';
import { SearchService } from '../search/search.service';
import { CreateProductInput, UpdateProductInput } from './dto/create-product.input';
import { DuplicateCodeError, VersionConflictError } from './product-errors';
import { PortfolioRole, Product } from './product.entity';
import { CATALOG_STAFF, seesWholeRange, skusVisibleTo, visibleTo } from './product-visibility';
import { ProductsService, type CreateProductOutcome, type UpdateProductOutcome } from './products.service';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

export const CreateProductResult = createUnionType({ name: 'CreateProductResult', types: () => [Product, DuplicateCodeError] as const, resolveType: byResultClass });
export const UpdateProductResult = createUnionType({
  name: 'UpdateProductResult',
  types: () => [Product, NotFoundError, VersionConflictError, DuplicateCodeError, InvalidStateError] as const,
  resolveType: byResultClass,
});
export const ArchiveProductResult = createUnionType({ name: 'ArchiveProductResult', types: () => [Product, NotFoundError] as const, resolveType: byResultClass });

@ObjectType()
export class ProductVersion {
  @Field(() => Int) version!: number;
  @Field(() => String) actor!: string;
  @Field(() => String) change!: string;
  @Field(() => Date) at!: Date;
}

const ProductConnection = Connection(Product);

@Resolver(() => Product)
export class ProductsResolver {
  constructor(
    private readonly productsService: ProductsService,
    private readonly skusService: SkusService,
    private readonly searchService: SearchService,
    private readonly mediaService: MediaService,
    private readonly lifecycleService: LifecycleService,
    private readonly collectionsService: CollectionsService,
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
    return visibleTo(ctx, await this.byCode(loaders).load(code));
  }

  @Public()
  @Query(() => ProductConnection, { description: 'Products by keyword (Chinese or English) and filters, best title matches first, then by code. Without a staff role, only products on sale.' })
  searchProducts(@Ctx() ctx: RequestContext, @Args() args: SearchProductsArgs): Promise<Page<Product>> {
    return this.searchService.search(args, !seesWholeRange(ctx));
  }

  @Public()
  @Query(() => ProductConnection, { description: 'The range by code, with the same filters as search. Without a staff role, only products on sale.' })
  products(@Ctx() ctx: RequestContext, @Args() args: SearchProductsArgs): Promise<Page<Product>> {
    return this.searchService.search(args, !seesWholeRange(ctx));
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
    const skus = await loaders.get<string, Sku[]>('skusByProductId', async (ids) => groupByKey(ids, await this.skusService.findByProductIds(ids), (s) => s.productId)).load(product.id);
    return skusVisibleTo(ctx, skus);
  }

  @Public()
  @ResolveField(() => [ProductMedia])
  media(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<ProductMedia[]> {
    return loaders.get<string, ProductMedia[]>('mediaByProductId', async (ids) => groupByKey(ids, await this.mediaService.mediaOf(ids), (m) => m.productId)).load(product.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => MediaCompleteness, { description: 'Against the media standard; what is missing before it may go on sale' })
  mediaCompleteness(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<MediaCompleteness | undefined> {
    return loaders
      .get<string, MediaCompleteness | undefined>('completenessByProductId', async (ids) => alignByKey(ids, await this.mediaService.completenessOf(ids), (c) => c.productId))
      .load(product.id);
  }

  @Public()
  @ResolveField(() => [Collection])
  collections(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<Collection[]> {
    return loaders.get<string, Collection[]>('collectionsByProductId', async (ids) => groupByKey(ids, await this.collectionsService.ofProducts(ids), (c) => c.productId)).load(product.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => [LifecycleChange])
  lifecycleHistory(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<LifecycleChange[]> {
    return loaders.get<string, LifecycleChange[]>('lifecycleByProductId', async (ids) => groupByKey(ids, await this.lifecycleService.historyOf(ids), (c) => c.productId)).load(product.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => [ProductVersion], { description: 'Newest first' })
  async versions(@Parent() product: Product, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<ProductVersion[]> {
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return (await this.productsService.versionsOf(product.id, first)).map((v) => Object.assign(new ProductVersion(), v));
  }

  /** Apollo passes (reference, context): parameter decorators do not apply here. */
  @Public()
  @ResolveReference()
  async resolveReference(reference: { id?: string; code?: string }, context: GraphQLContext): Promise<Product | undefined> {
    const { loaders } = context;
    const product = reference.id ? await this.byId(loaders).load(reference.id) : await this.byCode(loaders).load(String(reference.code));
    return visibleTo(context.requestContext, product);
  }

  private byCode(loaders: LoaderRegistry) {
    return loaders.get<string, Product | undefined>('productByCode', async (codes) => alignByKey(codes, await this.productsService.findByCodes(codes), (p) => p.code));
  }

  private byId(loaders: LoaderRegistry) {
    return loaders.get<string, Product | undefined>('productById', async (ids) => alignByKey(ids, await this.productsService.findByIds(ids), (p) => p.id));
  }
}

@Resolver()
export class ExitReviewsResolver {
  constructor(private readonly lifecycleService: LifecycleService) {}

  @Roles('operator', 'analyst')
  @Query(() => [ExitReview], { description: 'Why past products failed, newest first; optionally those mentioning a text' })
  exitReviews(@Args('first', { type: () => Int, defaultValue: 50 }) first: number, @Args('search', { type: () => String, nullable: true }) search?: string): Promise<ExitReview[]> {
    if (first < 1 || first > 200) throw invalidField('first', 'must be 1 to 200');
    return this.lifecycleService.exitReviews(search, first);
  }
}
