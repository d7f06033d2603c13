import { Args, createUnionType, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import {
  alignByKey,
  Connection,
  Ctx,
  decodeCursor,
  groupByKey,
  Loaders,
  PageArgs,
  Public,
  Roles,
  toPage,
  type GraphQLContext,
  type LoaderRegistry,
  type Page,
  type RequestContext,
} from '@shopops/platform';
import { DataSource, MoreThan } from 'typeorm';
import { CreateProductInput } from './dto/create-product.input';
import { DuplicateCodeError } from './product-errors';
import { Product } from './product.entity';
import { ProductsService, type CreateProductOutcome } from './products.service';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

export const CreateProductResult = createUnionType({
  name: 'CreateProductResult',
  types: () => [Product, DuplicateCodeError] as const,
  resolveType: (value: object) => (value instanceof DuplicateCodeError ? DuplicateCodeError : Product),
});

const ProductConnection = Connection(Product);

@Resolver(() => Product)
export class ProductsResolver {
  constructor(
    private readonly productsService: ProductsService,
    private readonly skusService: SkusService,
    private readonly dataSource: DataSource,
  ) {}

  @Roles('operator')
  @Mutation(() => CreateProductResult, { description: 'Creates a product with its SKUs.' })
  createProduct(@Ctx() ctx: RequestContext, @Args('input') input: CreateProductInput): Promise<CreateProductOutcome> {
    return this.productsService.createProduct(ctx, input);
  }

  @Public()
  @Query(() => Product, { nullable: true })
  product(@Args('code') code: string, @Loaders() loaders: LoaderRegistry): Promise<Product | undefined> {
    return this.byCode(loaders).load(code);
  }

  @Public()
  @Query(() => ProductConnection, { description: 'Products ordered by code.' })
  async products(@Args() page: PageArgs): Promise<Page<Product>> {
    const after = page.after ? String(decodeCursor(page.after, 1)[0]) : undefined;
    const rows = await this.dataSource.getRepository(Product).find({
      where: after ? { code: MoreThan(after) } : {},
      order: { code: 'ASC' },
      take: page.first + 1,
    });
    return toPage(rows, page.first, (p) => [p.code]);
  }

  @Public()
  @ResolveField(() => [Sku])
  skus(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<Sku[]> {
    return loaders
      .get<string, Sku[]>('skusByProductId', async (ids) => groupByKey(ids, await this.skusService.findByProductIds(ids), (s) => s.productId))
      .load(product.id);
  }

  /** Apollo passes (reference, context): parameter decorators do not apply here. */
  @Public()
  @ResolveReference()
  resolveReference(reference: { id?: string; code?: string }, context: GraphQLContext): Promise<Product | undefined> {
    const { loaders } = context;
    return reference.id ? this.byId(loaders).load(reference.id) : this.byCode(loaders).load(String(reference.code));
  }

  private byCode(loaders: LoaderRegistry) {
    return loaders.get<string, Product | undefined>('productByCode', async (codes) =>
      alignByKey(codes, await this.productsService.findByCodes(codes), (p) => p.code),
    );
  }

  private byId(loaders: LoaderRegistry) {
    return loaders.get<string, Product | undefined>('productById', async (ids) =>
      alignByKey(ids, await this.productsService.findByIds(ids), (p) => p.id),
    );
  }
}
