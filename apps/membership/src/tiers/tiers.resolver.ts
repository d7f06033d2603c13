import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, type RequestContext } from '@shopops/platform';
import { TierScheme } from './tier-scheme';
import { TiersService } from './tiers.service';

@Resolver()
export class TiersResolver {
  constructor(private readonly tiersService: TiersService) {}

  @Roles('operator', 'cs_agent', 'analyst', 'member')
  @Query(() => TierScheme, { description: 'The active tier scheme: tiers with thresholds and benefits' })
  tierScheme(): Promise<TierScheme> {
    return this.tiersService.activeScheme();
  }

  @Roles('admin')
  @Mutation(() => TierScheme, { description: 'Replaces the tier scheme; members are re-evaluated against it as they act and at review dates' })
  setTierScheme(@Ctx() ctx: RequestContext, @Args('definition', { type: () => TierScheme }) definition: TierScheme): Promise<TierScheme> {
    return this.tiersService.setScheme(ctx, definition);
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Grants a tier for life (never reviewed or lowered).' })
  async lockLifetimeTier(
    @Ctx() ctx: RequestContext,
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('tierCode') tierCode: string,
  ): Promise<boolean> {
    await this.tiersService.lockLifetime(ctx, memberId, tierCode);
    return true;
  }
}
