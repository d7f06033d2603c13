import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, forbidden, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { READERS } from '../roles';
import { ExperimentAnalysis, ExperimentInput, ExperimentsService } from './experiments.service';

export const ExperimentResult = createUnionType({
  name: 'ExperimentResult',
  types: () => [ExperimentAnalysis, NotFoundError] as const,
  resolveType: byResultClass,
});

@Resolver()
export class ExperimentsResolver {
  constructor(private readonly experimentsService: ExperimentsService) {}

  @Roles('operator')
  @Mutation(() => ExperimentAnalysis, { description: 'Defines an A/B test; the planned sample per variant follows from baseline and minimum effect.' })
  defineExperiment(@Ctx() ctx: RequestContext, @Args('input') input: ExperimentInput): Promise<ExperimentAnalysis> {
    return this.experimentsService.define(ctx, input);
  }

  @Roles(...READERS, 'member')
  @Query(() => String, { nullable: true, description: 'The variant a visitor or member sees (stable); null for an unknown experiment' })
  async experimentVariant(@Ctx() ctx: RequestContext, @Args('key') key: string, @Args('unitId') unitId: string): Promise<string | null> {
    if (ctx.identity.role === 'member' && unitId !== ctx.identity.memberId)
      throw forbidden('A member may ask only for their own variant (unitId = their member id)');
    const variant = await this.experimentsService.assign(key, unitId);
    return typeof variant === 'string' ? variant : null;
  }

  @Roles(...READERS)
  @Query(() => ExperimentResult, { description: 'Read-out: z-test, Welch t-test on revenue, chance to win, sample-ratio check, fixed-horizon verdict' })
  experiment(@Args('key') key: string) {
    return this.experimentsService.analyse(key);
  }
}
