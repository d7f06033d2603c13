import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { Product } from '../products/product.entity';
import { LifecycleChange } from './lifecycle.model';
import { LifecycleService } from './lifecycle.service';

/** A product's moves along its lifecycle. */
@Resolver(() => Product)
export class ProductLifecycleFieldsResolver {
  constructor(private readonly lifecycleService: LifecycleService) {}

  @Roles('operator', 'analyst')
  @ResolveField(() => [LifecycleChange])
  lifecycleHistory(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<LifecycleChange[]> {
    return loaders
      .get<string, LifecycleChange[]>('lifecycleByProductId', async (ids) => groupByKey(ids, await this.lifecycleService.historyOf(ids), (c) => c.productId))
      .load(product.id);
  }
}
