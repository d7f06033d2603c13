import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, type RequestContext } from '@shopops/platform';
import { SegmentRuleDefinition, SegmentView } from './segment.model';
import { SegmentReadsService } from './segment-reads.service';
import { SegmentsService } from './segments.service';

@Resolver()
export class SegmentsResolver {
  constructor(
    private readonly segmentsService: SegmentsService,
    private readonly segmentReads: SegmentReadsService,
  ) {}

  @Roles('operator', 'analyst')
  @Query(() => [SegmentView])
  segments(): Promise<SegmentView[]> {
    return this.segmentReads.segments();
  }

  @Roles('operator', 'analyst')
  @Query(() => [String], { description: 'Member ids in a segment' })
  segmentMembers(@Args('code') code: string, @Args('first', { type: () => Int, defaultValue: 100 }) first: number): Promise<string[]> {
    return this.segmentReads.memberIds(code, first);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => SegmentView, { description: 'Defines a rule-based segment over RFM scores, tags, tier, community level.' })
  defineSegment(
    @Ctx() ctx: RequestContext,
    @Args('code') code: string,
    @Args('name') name: string,
    @Args('rule', { type: () => SegmentRuleDefinition }) rule: SegmentRuleDefinition,
  ) {
    return this.segmentsService.defineSegment(ctx, code, name, rule);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => Int, { description: 'Rescores members whose orders or interactions changed, now (returns how many).' })
  rescoreChangedMembers(@Ctx() ctx: RequestContext) {
    return this.segmentsService.rescoreChanged(ctx);
  }
}
