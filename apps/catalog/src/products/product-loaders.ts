import { Injectable } from '@nestjs/common';
import { alignByKey, type LoaderRegistry } from '@shopops/platform';
import { Product } from './product.entity';
import { ProductsService } from './products.service';

/** Per-request product loaders, shared by every resolver that reaches a product by id or code. */
@Injectable()
export class ProductLoaders {
  constructor(private readonly products: ProductsService) {}

  byId(loaders: LoaderRegistry) {
    return loaders.get<string, Product | undefined>('productById', async (ids) => alignByKey(ids, await this.products.findByIds(ids), (p) => p.id));
  }

  byCode(loaders: LoaderRegistry) {
    return loaders.get<string, Product | undefined>('productByCode', async (codes) => alignByKey(codes, await this.products.findByCodes(codes), (p) => p.code));
  }
}
