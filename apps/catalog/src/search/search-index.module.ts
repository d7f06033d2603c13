import { Module } from '@nestjs/common';
import { SearchCache } from './search-cache';
import { SearchDocuments } from './search-documents';

/** What product writes need of search: the document they refresh and the cache they clear. */
@Module({
  providers: [SearchCache, SearchDocuments],
  exports: [SearchCache, SearchDocuments],
})
export class SearchIndexModule {}
