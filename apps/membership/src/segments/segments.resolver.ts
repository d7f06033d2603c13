import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import type { SegmentRule } from './rfm';
import { ruleDefinition, SegmentRuleDefinition, SegmentView } from './segment.model';
import { SegmentsService } from './segments.service';

@Resolver()
export class SegmentsResolver {
  constructor(
    private readonly segmentsService: SegmentsService,
    private readonly dataSource: DataSource,
  ) {}

  @Roles('operator', 'analyst')
  @Query(() => [SegmentView])
  async segments(): Promise<SegmentView[]> {
    const rows: Array<{ code: string; name: string; rule: SegmentRule; members: number }> = await this.dataSource.query(
      `SELECT s.code, s.name, s.rule, (SELECT count(*)::int FROM segment_member m WHERE m.segment_code = s.code) AS members FROM segment s ORDER BY s.code`,
    );
    return rows.map((r) => ({ ...r, rule: ruleDefinition(r.rule) }));
  }

  @Roles('operator', 'analyst')
  @Query(() => [String], { description: 'Member ids in a segment' })
  async segmentMembers(@Args('code') code: string, @Args('first', { type: () => Int, defaultValue: 100 }) first: number): Promise<string[]> {
    const rows: Array<{ member_id: string }> = await this.dataSource.query(`SELECT member_id FROM segment_member WHERE segment_code = $1 ORDER BY member_id LIMIT $2`, [code, Math.min(Math.max(first, 1), 10_000)]);
    return rows.map((r) => r.member_id);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => SegmentView, { description: 'Defines a rule-based segment over RFM scores, tags, tier, community level.' })
  defineSegment(@Ctx() ctx: RequestContext, @Args('code') code: string, @Args('name') name: string, @Args('rule', { type: () => SegmentRuleDefinition }) rule: SegmentRuleDefinition) {
    return this.segmentsService.defineSegment(ctx, code, name, rule);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => Int, { description: 'Rescores members whose orders or interactions changed, now (returns how many).' })
  rescoreChangedMembers(@Ctx() ctx: RequestContext) {
    return this.segmentsService.rescoreChanged(ctx);
  }
}
