import { Module } from '@nestjs/common';
import { CatalogProductsHandler } from './catalog-products.handler';
import { MemberSegmentsFieldsResolver } from './member-segments-fields.resolver';
import { SegmentReadsService } from './segment-reads.service';
import { SegmentsResolver } from './segments.resolver';
import { SegmentsService } from './segments.service';

@Module({
  providers: [CatalogProductsHandler, SegmentsService, SegmentReadsService, SegmentsResolver, MemberSegmentsFieldsResolver],
})
export class SegmentsModule {}
