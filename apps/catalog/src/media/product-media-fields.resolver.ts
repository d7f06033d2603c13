import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { alignByKey, groupByKey, Loaders, Public, Roles, type LoaderRegistry } from '@shopops/platform';
import { Product } from '../products/product.entity';
import { MediaCompleteness, ProductMedia } from './media.model';
import { MediaService } from './media.service';

/** A product's images and videos, and how it stands against the media standard. */
@Resolver(() => Product)
export class ProductMediaFieldsResolver {
  constructor(private readonly mediaService: MediaService) {}

  @Public()
  @ResolveField(() => [ProductMedia])
  media(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<ProductMedia[]> {
    return loaders
      .get<string, ProductMedia[]>('mediaByProductId', async (ids) => groupByKey(ids, await this.mediaService.mediaOf(ids), (m) => m.productId))
      .load(product.id);
  }

  @Roles('operator', 'analyst')
  @ResolveField(() => MediaCompleteness, { description: 'Against the media standard; what is missing before it may go on sale' })
  mediaCompleteness(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<MediaCompleteness | undefined> {
    return loaders
      .get<string, MediaCompleteness | undefined>('completenessByProductId', async (ids) =>
        alignByKey(ids, await this.mediaService.completenessOf(ids), (c) => c.productId),
      )
      .load(product.id);
  }
}
