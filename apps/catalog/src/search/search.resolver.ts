import { Args, Query, Resolver } from '@nestjs/graphql';
import { Connection, Ctx, Public, type Page, type RequestContext } from '@shopops/platform';
import { Product } from '../products/product.entity';
import { seesWholeRange } from '../products/product-visibility';
import { SearchProductsArgs } from './search.model';
import { SearchService } from './search.service';

const ProductConnection = Connection(Product);

@Resolver()
export class ProductSearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Public()
  @Query(() => ProductConnection, {
    description: 'Products by keyword (Chinese or English) and filters, best title matches first, then by code. Without a staff role, only products on sale.',
  })
  searchProducts(@Ctx() ctx: RequestContext, @Args() args: SearchProductsArgs): Promise<Page<Product>> {
    return this.searchService.search(args, !seesWholeRange(ctx));
  }

  @Public()
  @Query(() => ProductConnection, { description: 'The range by code, with the same filters as search. Without a staff role, only products on sale.' })
  products(@Ctx() ctx: RequestContext, @Args() args: SearchProductsArgs): Promise<Page<Product>> {
    return this.searchService.search(args, !seesWholeRange(ctx));
  }
}
