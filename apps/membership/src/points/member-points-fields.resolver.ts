import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { MEMBER_READERS } from '../members/member-access';
import { Member } from '../members/member.model';
import type { PointsEntryView, PointsSummary } from './points.model';
import { PointsService } from './points.service';

/** A member's points: the totals kept on the member, and the ledger behind them. */
@Resolver(() => Member)
export class MemberPointsFieldsResolver {
  constructor(private readonly pointsService: PointsService) {}

  @ResolveField()
  @Roles(...MEMBER_READERS)
  points(@Parent() m: Member): PointsSummary {
    return { balance: m.record.pointsBalance, pending: m.record.pointsPending, debt: m.record.pointsDebt };
  }

  @ResolveField()
  @Roles(...MEMBER_READERS)
  pointsHistory(@Parent() m: Member, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<PointsEntryView[]> {
    return this.pointsService.historyOf(m.id, first);
  }
}
