import { Inject, Injectable } from '@nestjs/common';
import { execute, selectRow, type TransactionContext } from '@shopops/platform';
import { ConversationTopic } from '../conversations/conversation.model';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { ASSIGNMENT_STRATEGY, type AssignmentStrategy } from './assignment.strategy';

export interface RoutedConversation {
  readonly id: string;
  readonly member_id: string | null;
  readonly topic: ConversationTopic;
  readonly assigned_agent_id: string | null;
}

/** Routes a conversation the bot handed over to an agent with the skill: a top-tier member's own agent first. */
@Injectable()
export class ConversationRouter {
  constructor(
    @Inject(ASSIGNMENT_STRATEGY) private readonly assignment: AssignmentStrategy,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  async route(tx: TransactionContext, conversation: RoutedConversation): Promise<void> {
    if (conversation.assigned_agent_id) return;
    const dedicated = conversation.member_id
      ? await selectRow<{ dedicated_agent_id: string | null }>(
          tx.em,
          `SELECT dedicated_agent_id FROM member_tier WHERE member_id = $1 AND tier_code = ANY ($2)`,
          [conversation.member_id, this.config.topTiers],
        )
      : undefined;
    const skill =
      conversation.topic === ConversationTopic.PRE_SALES ? 'pre-sales' : conversation.topic === ConversationTopic.AFTER_SALES ? 'after-sales' : 'complaint';
    const agentId = await this.assignment.assign(tx, { conversationId: conversation.id, skill, dedicatedAgentId: dedicated?.dedicated_agent_id ?? null });
    if (!agentId) return; // Nobody free: it waits in the unassigned queue, its clocks running.
    await execute(tx.em, `UPDATE conversation SET assigned_agent_id = $2, updated_at = now() WHERE id = $1`, [conversation.id, agentId]);
    await execute(tx.em, `INSERT INTO ownership_change (conversation_id, to_agent_id, kind, reason, actor) VALUES ($1, $2, 'ASSIGNED', $3, 'router')`, [
      conversation.id,
      agentId,
      `${skill}${dedicated?.dedicated_agent_id === agentId ? ' (dedicated agent)' : ''}`,
    ]);
  }
}
