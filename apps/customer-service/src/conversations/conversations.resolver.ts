import { Args, createUnionType, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { requireId } from '../ids';
import { STAFF } from '../roles';
import { AgentAtCapacityError, NotOwnerError } from '../agents/agents.model';
import { Conversation, ConversationStatus, IllegalStatusChangeError, OpenConversationInput, ReplyInput } from './conversation.model';
import { ConversationQueries } from './conversation.queries';
import { ConversationsService } from './conversations.service';

export const ReplyResult = createUnionType({
  name: 'ReplyResult',
  types: () => [Conversation, NotFoundError, NotOwnerError, AgentAtCapacityError, InvalidStateError] as const,
  resolveType: byResultClass,
});
export const ClaimResult = createUnionType({
  name: 'ClaimResult',
  types: () => [Conversation, NotFoundError, NotOwnerError, AgentAtCapacityError] as const,
  resolveType: byResultClass,
});
export const HandoverResult = createUnionType({
  name: 'HandoverResult',
  types: () => [Conversation, NotFoundError, AgentAtCapacityError, InvalidStateError] as const,
  resolveType: byResultClass,
});
export const StatusResult = createUnionType({
  name: 'ConversationStatusResult',
  types: () => [Conversation, NotFoundError, IllegalStatusChangeError] as const,
  resolveType: byResultClass,
});

@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(
    private readonly conversationsService: ConversationsService,
    private readonly conversationQueries: ConversationQueries,
  ) {}

  @Roles(...STAFF)
  @Mutation(() => Conversation, { description: 'Opens a conversation from the phone, email or WeChat Work; the bot answers if it can.' })
  openConversation(@Ctx() ctx: RequestContext, @Args('input') input: OpenConversationInput): Promise<Conversation> {
    return this.conversationsService.open(ctx, input);
  }

  @Roles(...STAFF)
  @Mutation(() => ReplyResult, { description: 'An agent answers (the first to answer owns the case), or adds an internal note.' })
  replyToConversation(@Ctx() ctx: RequestContext, @Args('input') input: ReplyInput) {
    return this.conversationsService.reply(ctx, input);
  }

  @Roles(...STAFF)
  @Mutation(() => ClaimResult, { description: 'Takes an unowned conversation; when agents claim at once, exactly one wins.' })
  claimConversation(@Ctx() ctx: RequestContext, @Args('conversationId', { type: () => ID }) conversationId: string, @Args('agentCode') agentCode: string) {
    requireId('conversationId', conversationId);
    return this.conversationsService.claim(ctx, conversationId, agentCode);
  }

  @Roles(...STAFF)
  @Mutation(() => HandoverResult, { description: 'Hands an owned conversation to another agent, with a reason (kept in its history).' })
  handOverConversation(
    @Ctx() ctx: RequestContext,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('toAgentCode') toAgentCode: string,
    @Args('reason') reason: string,
  ) {
    requireId('conversationId', conversationId);
    if (!reason.trim() || reason.length > 500) throw invalidField('reason', 'must be 1 to 500 characters');
    return this.conversationsService.handover(ctx, conversationId, toAgentCode, reason);
  }

  @Roles(...STAFF)
  @Mutation(() => StatusResult, { description: 'OPEN ⇄ PENDING, SNOOZED (for snoozeMinutes), RESOLVED (sends a survey), CLOSED (final).' })
  setConversationStatus(
    @Ctx() ctx: RequestContext,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('status', { type: () => ConversationStatus }) status: ConversationStatus,
    @Args('snoozeMinutes', { type: () => Int, nullable: true }) snoozeMinutes?: number,
  ) {
    requireId('conversationId', conversationId);
    if (snoozeMinutes !== undefined && snoozeMinutes !== null && (snoozeMinutes < 1 || snoozeMinutes > 7 * 24 * 60))
      throw invalidField('snoozeMinutes', 'must be 1 to 10080');
    return this.conversationsService.setStatus(ctx, conversationId, status, snoozeMinutes ?? undefined);
  }

  @Roles(...STAFF)
  @Query(() => Conversation, { nullable: true })
  conversationById(@Args('id', { type: () => ID }) id: string): Promise<Conversation | null> {
    requireId('id', id);
    return this.conversationQueries.byId(id);
  }

  @Roles(...STAFF)
  @Query(() => [Conversation], { description: 'Newest first; an agent’s queue is what they own or are routed to.' })
  conversations(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('status', { type: () => ConversationStatus, nullable: true }) status?: ConversationStatus,
    @Args('agentCode', { type: () => String, nullable: true }) agentCode?: string,
    @Args('needsHuman', { type: () => Boolean, nullable: true }) needsHuman?: boolean,
  ): Promise<Conversation[]> {
    if (first < 1 || first > 200) throw invalidField('first', 'must be 1 to 200');
    return this.conversationQueries.list({ status, agentCode, needsHuman }, first);
  }
}
