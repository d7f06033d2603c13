import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { ImportsResolver } from './imports.resolver';
import { ImportsService } from './imports.service';

@Module({
  imports: [ProductsModule],
  providers: [ImportsService, ImportsResolver],
})
export class ImportsModule {}
