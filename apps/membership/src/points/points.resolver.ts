import { Args, createUnionType, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { assertSelfOrStaff } from '../members/member-access';
import { InsufficientPointsError, PointsBalance, PointsChangeInput } from './points.model';
import { PointsService } from './points.service';

export const SpendPointsResult = createUnionType({
  name: 'SpendPointsResult',
  types: () => [PointsBalance, InsufficientPointsError, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});
export const GrantPointsResult = createUnionType({
  name: 'GrantPointsResult',
  types: () => [PointsBalance, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});

@Resolver()
export class PointsResolver {
  constructor(private readonly pointsService: PointsService) {}

  @Roles('operator', 'member')
  @Mutation(() => SpendPointsResult, { description: 'Spends points, oldest lots first; idempotent by key.' })
  spendPoints(@Ctx() ctx: RequestContext, @Args('input') input: PointsChangeInput) {
    assertSelfOrStaff(ctx, input.memberId);
    return this.pointsService.spend(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => GrantPointsResult, { description: 'A goodwill grant or correction, usable at once; idempotent by key.' })
  grantPoints(@Ctx() ctx: RequestContext, @Args('input') input: PointsChangeInput) {
    return this.pointsService.grant(ctx, input);
  }
}
