import { Args, createUnionType, Mutation, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { ExitReviewRequiredError, IllegalTransitionError } from './lifecycle-errors';
import { Product } from '../products/product.entity';
import { ChangeLifecycleInput } from './lifecycle.model';
import { LifecycleService } from './lifecycle.service';

export const ChangeLifecycleResult = createUnionType({
  name: 'ChangeLifecycleResult',
  types: () => [Product, NotFoundError, IllegalTransitionError, ExitReviewRequiredError] as const,
  resolveType: byResultClass,
});

@Resolver()
export class LifecycleResolver {
  constructor(private readonly lifecycleService: LifecycleService) {}

  @Roles('operator')
  @Mutation(() => ChangeLifecycleResult, { description: 'Moves a product along its lifecycle; EXIT needs a review of why it failed.' })
  changeLifecycleStage(@Ctx() ctx: RequestContext, @Args('input') input: ChangeLifecycleInput) {
    return this.lifecycleService.change(ctx, input);
  }
}
