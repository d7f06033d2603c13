import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { invalidField, Roles } from '@shopops/platform';
import { ExitReview } from './lifecycle.model';
import { LifecycleService } from './lifecycle.service';

@Resolver()
export class ExitReviewsResolver {
  constructor(private readonly lifecycleService: LifecycleService) {}

  @Roles('operator', 'analyst')
  @Query(() => [ExitReview], { description: 'Why past products failed, newest first; optionally those mentioning a text' })
  exitReviews(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('search', { type: () => String, nullable: true }) search?: string,
  ): Promise<ExitReview[]> {
    if (first < 1 || first > 200) throw invalidField('first', 'must be 1 to 200');
    return this.lifecycleService.exitReviews(search, first);
  }
}
