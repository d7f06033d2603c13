import { Args, createUnionType, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { requireId } from '../ids';
import { STAFF } from '../roles';
import { ContactTask, Review, ReviewIncident } from './reviews.model';
import { ReviewsService } from './reviews.service';

export const ContactTaskResult = createUnionType({
  name: 'ContactTaskResult',
  types: () => [ContactTask, NotFoundError, InvalidStateError] as const,
  resolveType: byResultClass,
});

@Resolver(() => Review)
export class ReviewsResolver {
  constructor(private readonly reviewsService: ReviewsService) {}

  @Roles(...STAFF, 'analyst')
  @Query(() => [Review], { description: 'Reviews of a SKU, newest first.' })
  reviewsForSku(@Args('skuCode') skuCode: string) {
    return this.reviewsService.reviewsOf(skuCode);
  }

  @Roles(...STAFF, 'analyst')
  @Query(() => [ReviewIncident], { description: 'Negative-review spikes with their checklist, contact tasks and recovery' })
  reviewIncidents(@Args('status', { type: () => String, nullable: true }) status?: string) {
    return this.reviewsService.incidents(status);
  }

  @Roles(...STAFF)
  @Mutation(() => ContactTaskResult, { description: 'Records the contact with a negative reviewer and whether they were won back.' })
  completeContactTask(
    @Ctx() ctx: RequestContext,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('outcome') outcome: string,
    @Args('recovered') recovered: boolean,
  ) {
    requireId('taskId', taskId);
    if (!outcome.trim() || outcome.length > 1000) throw invalidField('outcome', 'must be 1 to 1000 characters');
    return this.reviewsService.completeTask(ctx, taskId, outcome, recovered);
  }
}
