import { Module } from '@nestjs/common';
import { SearchIndexModule } from '../search/search-index.module';
import { ProductLoaders } from './product-loaders';
import { ProductWriter } from './product-writer';
import { ProductsResolver } from './products.resolver';
import { ProductsService } from './products.service';
import { SkusResolver } from './skus.resolver';
import { SkusService } from './skus.service';

/** Products and SKUs; exports the product writer every other folder changes products through. */
@Module({
  imports: [SearchIndexModule],
  providers: [ProductWriter, ProductsService, SkusService, ProductLoaders, ProductsResolver, SkusResolver],
  exports: [ProductWriter, ProductsService],
})
export class ProductsModule {}
