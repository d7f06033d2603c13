import { Args, createUnionType, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { requireId } from '../ids';
import { STAFF } from '../roles';
import { Dispute, OpenDisputeInput } from './disputes.model';
import { DisputesService } from './disputes.service';

export const DecideDisputeResult = createUnionType({
  name: 'DecideDisputeResult',
  types: () => [Dispute, NotFoundError, InvalidStateError] as const,
  resolveType: byResultClass,
});

export const OpenDisputeResult = createUnionType({
  name: 'OpenDisputeResult',
  types: () => [Dispute, NotFoundError] as const,
  resolveType: byResultClass,
});

@Resolver(() => Dispute)
export class DisputesResolver {
  constructor(private readonly disputesService: DisputesService) {}

  @Roles(...STAFF)
  @Mutation(() => OpenDisputeResult, {
    description: 'Opens a dispute on a known order: ordinary ones are decided by rules at once, large or complex ones queue for experts.',
  })
  openDispute(@Ctx() ctx: RequestContext, @Args('input') input: OpenDisputeInput) {
    return this.disputesService.open(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => DecideDisputeResult, { description: 'An expert decides a queued dispute.' })
  decideDispute(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision') decision: string,
    @Args('note') note: string,
    @Args('compensationFen', { type: () => Int, defaultValue: 0 }) compensationFen: number,
  ) {
    requireId('id', id);
    if (decision !== 'BUYER' && decision !== 'SELLER') throw invalidField('decision', 'must be BUYER or SELLER');
    if (!note.trim()) throw invalidField('note', 'must say why');
    if (compensationFen < 0) throw invalidField('compensationFen', 'must be 0 or more');
    return this.disputesService.decide(ctx, id, decision, note, compensationFen);
  }

  @Roles(...STAFF, 'analyst')
  @Query(() => [Dispute])
  disputes(@Args('first', { type: () => Int, defaultValue: 50 }) first: number, @Args('status', { type: () => String, nullable: true }) status?: string) {
    return this.disputesService.list(status, first);
  }
}
