import { Module } from '@nestjs/common';
import { MemberSegmentsFieldsResolver } from './member-segments-fields.resolver';
import { SegmentReadsService } from './segment-reads.service';
import { SegmentsResolver } from './segments.resolver';
import { SegmentsService } from './segments.service';

@Module({
  providers: [SegmentsService, SegmentReadsService, SegmentsResolver, MemberSegmentsFieldsResolver],
})
export class SegmentsModule {}
