import { Args, createUnionType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { assertSelfOrStaff } from '../members/member-access';
import {
  Coupon,
  CouponAlreadyUsedError,
  CouponExpiredError,
  CouponLimitReachedError,
  CouponMinimumSpendError,
  CouponNotOwnedError,
  CouponTemplate,
  CouponTemplateInput,
  IssueCouponInput,
  RedeemCouponInput,
} from './coupon.model';
import { CouponsService } from './coupons.service';

export const IssueCouponResult = createUnionType({
  name: 'IssueCouponResult',
  types: () => [Coupon, NotFoundError, CouponLimitReachedError] as const,
  resolveType: (v: object) => v.constructor,
});
export const RedeemCouponResult = createUnionType({
  name: 'RedeemCouponResult',
  types: () => [Coupon, NotFoundError, CouponExpiredError, CouponNotOwnedError, CouponAlreadyUsedError, CouponMinimumSpendError] as const,
  resolveType: (v: object) => v.constructor,
});

@Resolver(() => Coupon)
export class CouponsResolver {
  constructor(private readonly couponsService: CouponsService) {}

  @Roles('operator', 'analyst')
  @Query(() => [CouponTemplate])
  couponTemplates() {
    return this.couponsService.templates();
  }

  @Roles('operator')
  @Mutation(() => CouponTemplate, { description: 'Creates or changes a coupon template (amount off, percent off, free shipping).' })
  upsertCouponTemplate(@Ctx() ctx: RequestContext, @Args('input') input: CouponTemplateInput) {
    return this.couponsService.upsertTemplate(ctx, input);
  }

  @Roles('operator', 'cs_agent')
  @Mutation(() => IssueCouponResult, { description: 'Issues a coupon to a member by hand, within the template’s limits.' })
  issueCoupon(@Ctx() ctx: RequestContext, @Args('input') input: IssueCouponInput) {
    return this.couponsService.issue(ctx, input.memberId, input.templateCode, input.campaign ? 'CAMPAIGN' : 'MANUAL', input.campaign);
  }

  @Roles('operator')
  @Mutation(() => Int, { description: 'Issues a campaign coupon to every member of a segment (within limits); returns how many were issued.' })
  issueCampaignCoupons(
    @Ctx() ctx: RequestContext,
    @Args('segmentCode') segmentCode: string,
    @Args('templateCode') templateCode: string,
    @Args('campaign') campaign: string,
  ): Promise<number> {
    return this.couponsService.issueToSegment(ctx, segmentCode, templateCode, campaign);
  }

  @Roles('operator', 'member')
  @Mutation(() => RedeemCouponResult, { description: 'Uses a coupon on one order; the same coupon on the same order again answers as before.' })
  redeemCoupon(@Ctx() ctx: RequestContext, @Args('input') input: RedeemCouponInput) {
    assertSelfOrStaff(ctx, input.memberId);
    return this.couponsService.redeem(ctx, input);
  }
}
