import { Inject } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Loaders, Public, selectRows, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { Product } from '../products/product.entity';
import { seesWholeRange } from '../products/product-visibility';
import { ProductConnection, SearchProductsArgs, StockStatus, stockStatusOf } from './search.model';
import { SearchService } from './search.service';

@Resolver()
export class ProductSearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Public()
  @Query(() => ProductConnection, {
    description: 'Products by keyword (Chinese or English) and filters, best title matches first, then by code. Without a staff role, only products on sale.',
  })
  searchProducts(@Ctx() ctx: RequestContext, @Args() args: SearchProductsArgs): Promise<ProductConnection> {
    return this.searchService.search(args, !seesWholeRange(ctx));
  }

  @Public()
  @Query(() => ProductConnection, { description: 'The range by code, with the same filters as search. Without a staff role, only products on sale.' })
  products(@Ctx() ctx: RequestContext, @Args() args: SearchProductsArgs): Promise<ProductConnection> {
    return this.searchService.search(args, !seesWholeRange(ctx));
  }
}

/** A product's stock status as search sees it: known already when search found it, else one batched read. */
@Resolver(() => Product)
export class ProductStockStatusResolver {
  constructor(
    private readonly searchService: SearchService,
    private readonly dataSource: DataSource,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  @Public()
  @ResolveField(() => StockStatus, { description: 'Sellable stock over all SKUs, as inventory publishes it' })
  async stockStatus(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<StockStatus> {
    const found = this.searchService.stockStatusFound(product);
    if (found) return found;
    const available = await loaders
      .get<string, number>('availableByProductId', async (ids) => {
        const rows = await selectRows<{ product_id: string; available: number }>(
          this.dataSource,
          `SELECT product_id, available FROM product_search WHERE product_id = ANY($1::uuid[])`,
          [ids],
        );
        const byId = new Map(rows.map((r) => [r.product_id, r.available]));
        return ids.map((id) => byId.get(id) ?? 0);
      })
      .load(product.id);
    return stockStatusOf(available, this.config.search.lowStockUnits);
  }
}
