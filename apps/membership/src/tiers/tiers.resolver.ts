import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { TiersService } from './tiers.service';

@Resolver()
export class TiersResolver {
  constructor(
    private readonly tiersService: TiersService,
    private readonly dataSource: DataSource,
  ) {}

  @Roles('operator', 'cs_agent', 'analyst', 'member')
  @Query(() => String, { description: 'The active tier scheme as JSON: tiers with thresholds and benefits' })
  async tierScheme(): Promise<string> {
    return JSON.stringify(await this.tiersService.activeScheme(this.dataSource.manager));
  }

  @Roles('admin')
  @Mutation(() => String, { description: 'Replaces the tier scheme (JSON of TierScheme: code, name, reviewMonths, tiers[])' })
  async setTierScheme(@Ctx() ctx: RequestContext, @Args('definition') definition: string): Promise<string> {
    return JSON.stringify(await this.tiersService.setScheme(ctx, definition));
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Grants a tier for life (never reviewed or lowered).' })
  async lockLifetimeTier(@Ctx() ctx: RequestContext, @Args('memberId', { type: () => ID }) memberId: string, @Args('tierCode') tierCode: string): Promise<boolean> {
    await this.tiersService.lockLifetime(ctx, memberId, tierCode);
    return true;
  }
}
