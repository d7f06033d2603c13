import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Public, type LoaderRegistry } from '@shopops/platform';
import { Product } from '../products/product.entity';
import { Collection } from './collections.model';
import { CollectionsService } from './collections.service';

/** The collections a product belongs to. */
@Resolver(() => Product)
export class ProductCollectionsFieldsResolver {
  constructor(private readonly collectionsService: CollectionsService) {}

  @Public()
  @ResolveField(() => [Collection])
  collections(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<Collection[]> {
    return loaders
      .get<string, Collection[]>('collectionsByProductId', async (ids) => groupByKey(ids, await this.collectionsService.ofProducts(ids), (c) => c.productId))
      .load(product.id);
  }
}
