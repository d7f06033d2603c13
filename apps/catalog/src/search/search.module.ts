import { Module } from '@nestjs/common';
import { SearchIndexModule } from './search-index.module';
import { StockStatusHandler } from './stock-status.handler';
import { ProductSearchResolver, ProductStockStatusResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [SearchIndexModule],
  providers: [SearchService, ProductSearchResolver, ProductStockStatusResolver, StockStatusHandler],
})
export class SearchModule {}
