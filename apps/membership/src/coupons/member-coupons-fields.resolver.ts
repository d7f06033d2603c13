import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { MEMBER_READERS } from '../members/member-access';
import { Member } from '../members/member.model';
import { Coupon, CouponStatus } from './coupon.model';
import { CouponsService } from './coupons.service';

/** A member's coupons, loaded for every member of a request at once. */
@Resolver(() => Member)
export class MemberCouponsFieldsResolver {
  constructor(private readonly couponsService: CouponsService) {}

  @ResolveField()
  @Roles(...MEMBER_READERS)
  async coupons(
    @Parent() m: Member,
    @Loaders() loaders: LoaderRegistry,
    @Args('status', { type: () => CouponStatus, nullable: true }) status?: CouponStatus,
  ): Promise<Coupon[]> {
    const all = await loaders
      .get<string, Coupon[]>('couponsByMember', async (ids) => groupByKey(ids, await this.couponsService.couponsOf(ids), (c) => c.memberId))
      .load(m.id);
    return status ? all.filter((c) => c.status === status) : all;
  }
}
