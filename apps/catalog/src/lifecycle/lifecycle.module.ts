import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { ExitReviewsResolver } from './exit-reviews.resolver';
import { LifecycleResolver } from './lifecycle.resolver';
import { LifecycleService } from './lifecycle.service';
import { ProductLifecycleFieldsResolver } from './product-lifecycle-fields.resolver';

@Module({
  imports: [ProductsModule],
  providers: [LifecycleService, ExitReviewsResolver, LifecycleResolver, ProductLifecycleFieldsResolver],
})
export class LifecycleModule {}
