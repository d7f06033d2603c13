import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { MEMBER_READERS } from '../members/member-access';
import { Member } from '../members/member.model';
import type { MemberTier, TierBenefitsView } from './member-tier.model';
import type { TierScheme } from './tier-scheme';
import { TiersService } from './tiers.service';

/** A member's tier and what it gives, by the active scheme (read once per request). */
@Resolver(() => Member)
export class MemberTierFieldsResolver {
  constructor(private readonly tiersService: TiersService) {}

  @ResolveField()
  @Roles(...MEMBER_READERS)
  async tier(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<MemberTier> {
    const tier = this.tiersService.tierOf(await this.activeScheme(loaders), m.record.tierCode);
    return { code: tier.code, name: tier.name, rank: tier.rank, since: m.record.tierSince, reviewAt: m.record.tierReviewAt, lifetime: m.record.lifetimeTier };
  }

  @ResolveField()
  @Roles(...MEMBER_READERS)
  async benefits(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<TierBenefitsView> {
    return this.tiersService.tierOf(await this.activeScheme(loaders), m.record.tierCode).benefits;
  }

  private activeScheme(loaders: LoaderRegistry): Promise<TierScheme> {
    return loaders
      .get<string, TierScheme>('tierScheme', async (keys) => {
        const scheme = await this.tiersService.activeScheme();
        return keys.map(() => scheme);
      })
      .load('active');
  }
}
