import { Module } from '@nestjs/common';
import { ProductSearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  providers: [SearchService, ProductSearchResolver],
})
export class SearchModule {}
