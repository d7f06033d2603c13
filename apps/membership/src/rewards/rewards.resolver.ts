import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { CouponLimitReachedError } from '../coupons/coupon.model';
import { assertSelfOrStaff } from '../members/member-access';
import { InsufficientPointsError } from '../points/points.model';
import { RedeemRewardInput, Reward, RewardInput, RewardRedemption, RewardUnavailableError } from './reward.model';
import { RewardsService } from './rewards.service';

export const UpsertRewardResult = createUnionType({
  name: 'UpsertRewardResult',
  types: () => [Reward, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});
export const RedeemRewardResult = createUnionType({
  name: 'RedeemRewardResult',
  types: () => [RewardRedemption, NotFoundError, InsufficientPointsError, RewardUnavailableError, CouponLimitReachedError] as const,
  resolveType: (v: object) => v.constructor,
});

@Resolver(() => Reward)
export class RewardsResolver {
  constructor(private readonly rewardsService: RewardsService) {}

  @Roles('operator', 'cs_agent', 'member')
  @Query(() => [Reward], { description: 'The points mall.' })
  rewards() {
    return this.rewardsService.list();
  }

  @Roles('operator')
  @Mutation(() => UpsertRewardResult)
  upsertReward(@Ctx() ctx: RequestContext, @Args('input') input: RewardInput) {
    return this.rewardsService.upsert(ctx, input);
  }

  @Roles('operator', 'member')
  @Mutation(() => RedeemRewardResult, { description: 'Exchanges points for a reward; stock, limits and points checked together.' })
  redeemReward(@Ctx() ctx: RequestContext, @Args('input') input: RedeemRewardInput) {
    assertSelfOrStaff(ctx, input.memberId);
    return this.rewardsService.redeem(ctx, input);
  }
}
