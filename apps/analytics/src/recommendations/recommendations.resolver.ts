import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { invalidField, Roles } from '@shopops/platform';
import { READERS } from '../roles';
import { AssociationRule, RecommendationsService, SimilarProduct, TierPick } from './recommendations.service';

@Resolver()
export class RecommendationsResolver {
  constructor(private readonly recommendationsService: RecommendationsService) {}

  @Roles(...READERS, 'member')
  @Query(() => [AssociationRule], { description: 'Frequently bought together with a SKU (support, confidence, lift)' })
  boughtTogether(
    @Args('skuCode') skuCode: string,
    @Args('minOrders', { type: () => Int, defaultValue: 2 }) minOrders: number,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ) {
    if (minOrders < 1) throw invalidField('minOrders', 'must be 1 or more');
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return this.recommendationsService.boughtTogether([skuCode], minOrders, first);
  }

  @Roles(...READERS)
  @Query(() => [AssociationRule], { description: 'Picks for a buyer from what they bought, skipping what they have' })
  picksForBuyer(
    @Args('channel') channel: string,
    @Args('platformUserId') platformUserId: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ) {
    return this.recommendationsService.picksFor(`${channel}:${platformUserId}`, Math.min(Math.max(first, 1), 100));
  }

  @Roles(...READERS)
  @Query(() => [TierPick], { description: 'What members of a tier buy most, by how many of them bought it' })
  picksForTier(@Args('tier') tier: string, @Args('first', { type: () => Int, defaultValue: 10 }) first: number): Promise<TierPick[]> {
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return this.recommendationsService.picksForTier(tier, first);
  }

  @Roles(...READERS)
  @Query(() => [TierPick], { description: 'A buyer’s personalised picks from their tier: what its members buy most, minus what the buyer has' })
  tierPicksForBuyer(
    @Args('channel') channel: string,
    @Args('platformUserId') platformUserId: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<TierPick[]> {
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return this.recommendationsService.tierPicksFor(channel, platformUserId, first);
  }

  @Roles(...READERS, 'member')
  @Query(() => [SimilarProduct], { description: 'You may also like: co-viewed and co-bought SKUs' })
  similarProducts(@Args('skuCode') skuCode: string, @Args('first', { type: () => Int, defaultValue: 10 }) first: number): Promise<SimilarProduct[]> {
    if (first < 1 || first > 100) throw invalidField('first', 'must be 1 to 100');
    return this.recommendationsService.similar(skuCode, first);
  }
}
