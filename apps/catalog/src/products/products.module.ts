import { Module } from '@nestjs/common';
import { ProductsResolver } from './products.resolver';
import { ProductsService } from './products.service';
import { SkusResolver } from './skus.resolver';
import { SkusService } from './skus.service';

@Module({
  providers: [ProductsService, SkusService, ProductsResolver, SkusResolver],
  exports: [ProductsService, SkusService],
})
export class ProductsModule {}
