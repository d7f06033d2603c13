import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { alignByKey, Loaders, Public, Roles, type LoaderRegistry } from '@shopops/platform';
import { STAFF } from '../roles';
import { ReviewHealth, SkuReviews } from './reviews.model';
import { ReviewsService } from './reviews.service';

/** The catalog's Sku, with its review health. */
@Resolver(() => SkuReviews)
export class SkuReviewsResolver {
  constructor(private readonly reviewsService: ReviewsService) {}

  @Roles(...STAFF, 'analyst', 'operator')
  @ResolveField(() => ReviewHealth, { description: 'Ratings, negative reviews in 30 days, the top complaint, whether an incident is open' })
  reviewHealth(@Parent() sku: SkuReviews, @Loaders() loaders: LoaderRegistry): Promise<ReviewHealth | undefined> {
    return loaders
      .get<string, ReviewHealth | undefined>('reviewHealthBySku', async (codes) =>
        alignByKey(codes, await this.reviewsService.healthOf(codes), (h) => h.skuCode),
      )
      .load(sku.code);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { code: string }): SkuReviews {
    return Object.assign(new SkuReviews(), { code: reference.code });
  }
}
