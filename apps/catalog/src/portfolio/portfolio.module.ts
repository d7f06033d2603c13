import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';
import { RoleSuggestionsService } from './role-suggestions.service';

@Module({
  imports: [ProductsModule],
  providers: [PortfolioService, RoleSuggestionsService, PortfolioResolver],
})
export class PortfolioModule {}
