import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { CollectionsResolver } from './collections.resolver';
import { CollectionsService } from './collections.service';
import { ProductCollectionsFieldsResolver } from './product-collections-fields.resolver';

@Module({
  imports: [ProductsModule],
  providers: [CollectionsService, CollectionsResolver, ProductCollectionsFieldsResolver],
})
export class CollectionsModule {}
