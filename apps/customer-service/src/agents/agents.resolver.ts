import { Args, createUnionType, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { requireId } from '../ids';
import { STAFF } from '../roles';
import { Agent, AgentInput } from './agents.model';
import { AgentsService } from './agents.service';

export const DedicatedAgentResult = createUnionType({ name: 'DedicatedAgentResult', types: () => [Agent, NotFoundError] as const, resolveType: byResultClass });

@Resolver(() => Agent)
export class AgentsResolver {
  constructor(private readonly agentsService: AgentsService) {}

  @Roles('operator')
  @Mutation(() => Agent, { description: 'Creates or changes an agent: skills (pre-sales, after-sales, complaint…) and capacity.' })
  upsertAgent(@Ctx() ctx: RequestContext, @Args('input') input: AgentInput) {
    return this.agentsService.upsert(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => DedicatedAgentResult, { description: 'A top-tier member’s dedicated agent.' })
  setDedicatedAgent(@Ctx() ctx: RequestContext, @Args('memberId', { type: () => ID }) memberId: string, @Args('agentCode') agentCode: string) {
    requireId('memberId', memberId);
    return this.agentsService.setDedicatedAgent(ctx, memberId, agentCode);
  }

  @Roles(...STAFF)
  @Query(() => [Agent])
  agents() {
    return this.agentsService.list();
  }
}
