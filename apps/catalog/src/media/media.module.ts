import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { MediaResolver } from './media.resolver';
import { MediaService } from './media.service';
import { ProductMediaFieldsResolver } from './product-media-fields.resolver';

@Module({
  imports: [ProductsModule],
  providers: [MediaService, MediaResolver, ProductMediaFieldsResolver],
})
export class MediaModule {}
