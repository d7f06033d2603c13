import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { alignByKey, groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { Member } from '../members/member.model';
import type { RfmView } from './segment.model';
import { SegmentReadsService } from './segment-reads.service';

/** A member's RFM scores and segments, for staff; loaded for every member of a request at once. */
@Resolver(() => Member)
export class MemberSegmentsFieldsResolver {
  constructor(private readonly segmentReads: SegmentReadsService) {}

  @ResolveField()
  @Roles('operator', 'cs_agent', 'analyst')
  rfm(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<RfmView | undefined> {
    return loaders
      .get<string, RfmView | undefined>('rfmByMember', async (ids) => alignByKey(ids, await this.segmentReads.rfmOf(ids), (r) => r.memberId))
      .load(m.id);
  }

  @ResolveField()
  @Roles('operator', 'cs_agent', 'analyst')
  segments(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<string[]> {
    return loaders
      .get<string, string[]>('segmentsByMember', async (ids) =>
        groupByKey(ids, await this.segmentReads.segmentCodesOf(ids), (r) => r.member_id).map((g) => g.map((r) => r.segment_code)),
      )
      .load(m.id);
  }
}
