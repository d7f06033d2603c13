import { Inject, Injectable } from '@nestjs/common';
import { ConversationOpened } from '@shopops/contracts';
import {
  execute,
  InvalidStateError,
  NotFoundError,
  refuse,
  Scheduled,
  selectRow,
  selectRows,
  UnitOfWork,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { AgentCapacity, type AgentRef } from '../agents/agent-capacity';
import { lockAccounts } from '../buyers/account-lock';
import { AgentAtCapacityError, NotOwnerError } from '../agents/agents.model';
import { ConversationRouter } from '../agents/conversation-router';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig, type Priority } from '../customer-service.config';
import { BotAnswerer } from '../knowledge/bot-answerer';
import { topicOf } from '../knowledge/conversation-topic';
import { SlaClocks } from '../sla/sla-clocks';
import { SlaService } from '../sla/sla.service';
import { ConversationStatusMachine } from './conversation-status';
import {
  Conversation,
  ConversationStatus,
  ConversationTopic,
  IllegalStatusChangeError,
  type OpenConversationInput,
  type ReplyInput,
} from './conversation.model';
import { ConversationQueries, type ConversationRow } from './conversation.queries';

export interface BuyerMessage {
  channel: string;
  externalId: string;
  platformUserId: string | null;
  memberId?: string | null;
  orderId?: string | null;
  subject?: string | null;
  priority?: Priority;
  text: string;
  at: Date;
}

/**
 * Conversations: a buyer's message opens or continues one, the bot answers what it can, the
 * rest is routed to an agent; the first agent to answer owns the case (首问负责制) until it is
 * closed or handed over explicitly; every clock of the SLA starts and stops here.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly queries: ConversationQueries,
    private readonly bot: BotAnswerer,
    private readonly router: ConversationRouter,
    private readonly agents: AgentCapacity,
    private readonly clocks: SlaClocks,
    private readonly sla: SlaService,
    private readonly statuses: ConversationStatusMachine,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  open(ctx: RequestContext, input: OpenConversationInput): Promise<Conversation> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const id = await this.receive(tx, {
        channel: input.channel,
        externalId: `${input.channel}:${input.contact}:${Date.now()}`,
        platformUserId: input.contact,
        memberId: input.memberId ?? null,
        orderId: input.orderId ?? null,
        subject: input.subject ?? null,
        priority: input.priority,
        text: input.text,
        at: new Date(),
      });
      return this.view(tx, id);
    });
  }

  /** A buyer wrote: open or continue the conversation, let the bot try, route to a person if not. */
  async receive(tx: TransactionContext, m: BuyerMessage): Promise<string> {
    // Before any read: a member linked to this account concurrently is seen, or links what we open.
    await lockAccounts(tx, [m]);
    let conversation = await this.lockByExternalId(tx, m.channel, m.externalId);
    if (conversation?.status === ConversationStatus.CLOSED) {
      // A closed case stays closed: the buyer's new message starts a new conversation.
      m = { ...m, externalId: `${m.externalId}#${Date.now()}` };
      conversation = undefined;
    }
    const isNew = !conversation;
    if (!conversation) conversation = await this.create(tx, m);
    await execute(tx.em, `INSERT INTO message (conversation_id, author, text, sent_at) VALUES ($1, 'BUYER', $2, $3)`, [conversation.id, m.text, m.at]);
    if (conversation.status === ConversationStatus.RESOLVED || conversation.status === ConversationStatus.SNOOZED) {
      await this.statuses.move(tx, conversation, ConversationStatus.OPEN);
    } else if (conversation.status === ConversationStatus.PENDING) {
      await execute(tx.em, `UPDATE conversation SET status = 'OPEN' WHERE id = $1`, [conversation.id]);
    }
    if (!conversation.needs_human && !conversation.owner_agent_id) {
      const bot = await this.bot.reply(tx, conversation, m.text);
      if (bot.answered) return conversation.id;
      await this.router.route(tx, { ...conversation, topic: bot.topic });
    }
    if (!isNew && conversation.first_responded_at) await this.clocks.startNextResponse(tx, conversation, m.at);
    return conversation.id;
  }

  reply(ctx: RequestContext, input: ReplyInput): Promise<Conversation | NotFoundError | NotOwnerError | AgentAtCapacityError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, input.conversationId);
      const agent = await this.agents.activeAgent(tx, input.agentCode);
      if (input.internalNote) {
        await execute(tx.em, `INSERT INTO message (conversation_id, author, text, agent_id, sent_at) VALUES ($1, 'NOTE', $2, $3, clock_timestamp())`, [
          conversation.id,
          input.text,
          agent.id,
        ]);
        return this.view(tx, conversation.id);
      }
      if (conversation.status === ConversationStatus.CLOSED) refuse(InvalidStateError.of('Conversation', conversation.status, 'be answered'));
      if (!conversation.owner_agent_id) await this.takeOwnership(tx, conversation, agent, 'FIRST_RESPONSE', 'answered first');
      else if (conversation.owner_agent_id !== agent.id) refuse(NotOwnerError.of(await this.agents.codeOf(tx, conversation.owner_agent_id)));
      const now = new Date();
      await execute(tx.em, `INSERT INTO message (conversation_id, author, text, agent_id, sent_at) VALUES ($1, 'AGENT', $2, $3, $4)`, [
        conversation.id,
        input.text,
        agent.id,
        now,
      ]);
      const firstResponse = conversation.first_responded_at ? null : this.sla.elapsed(conversation.opened_at, now);
      await execute(
        tx.em,
        `UPDATE conversation SET status = CASE WHEN status = 'OPEN' THEN 'PENDING' ELSE status END, awaiting_reply_since = NULL, next_response_due_at = NULL,
                first_responded_at = coalesce(first_responded_at, $2),
                first_response_business_minutes = coalesce(first_response_business_minutes, $3), first_response_wall_minutes = coalesce(first_response_wall_minutes, $4),
                updated_at = now()
          WHERE id = $1`,
        [conversation.id, now, firstResponse?.business ?? null, firstResponse?.wall ?? null],
      );
      return this.view(tx, conversation.id);
    });
  }

  /** Takes an unowned conversation; of agents claiming at once, exactly one wins. */
  claim(ctx: RequestContext, conversationId: string, agentCode: string): Promise<Conversation | NotFoundError | NotOwnerError | AgentAtCapacityError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, conversationId);
      const agent = await this.agents.activeAgent(tx, agentCode);
      if (conversation.owner_agent_id === agent.id) return this.view(tx, conversation.id);
      if (conversation.owner_agent_id) refuse(NotOwnerError.of(await this.agents.codeOf(tx, conversation.owner_agent_id)));
      await this.takeOwnership(tx, conversation, agent, 'CLAIMED', 'claimed');
      return this.view(tx, conversation.id);
    });
  }

  /** The owner passes the case on explicitly; the receiver must have room. */
  handover(
    ctx: RequestContext,
    conversationId: string,
    toAgentCode: string,
    reason: string,
  ): Promise<Conversation | NotFoundError | AgentAtCapacityError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, conversationId);
      if (conversation.status === ConversationStatus.CLOSED) refuse(InvalidStateError.of('Conversation', conversation.status, 'be handed over'));
      const to = await this.agents.activeAgent(tx, toAgentCode);
      if (conversation.owner_agent_id === to.id) return this.view(tx, conversation.id);
      await this.takeOwnership(tx, conversation, to, 'HANDOVER', reason);
      return this.view(tx, conversation.id);
    });
  }

  setStatus(
    ctx: RequestContext,
    conversationId: string,
    to: ConversationStatus,
    snoozeMinutes?: number,
  ): Promise<Conversation | NotFoundError | IllegalStatusChangeError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, conversationId);
      if (conversation.status === to) return this.view(tx, conversation.id);
      if (!this.statuses.allows(conversation.status, to)) refuse(IllegalStatusChangeError.of(conversation.status, to));
      await this.statuses.move(tx, conversation, to, snoozeMinutes);
      return this.view(tx, conversation.id);
    });
  }

  /** Snoozed conversations wake up when their time comes. */
  @Scheduled({ name: 'customer-service.snooze-wakeup', cron: '* * * * *' })
  async wakeSnoozed(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, (tx) =>
      execute(tx.em, `UPDATE conversation SET status = 'OPEN', snoozed_until = NULL, updated_at = now() WHERE status = 'SNOOZED' AND snoozed_until <= now()`),
    );
  }

  private async create(tx: TransactionContext, m: BuyerMessage): Promise<ConversationRow> {
    const buyer = await selectRow<{ member_id: string | null; tier_code: string | null }>(
      tx.em,
      `SELECT b.member_id, t.tier_code, t.dedicated_agent_id FROM buyer b LEFT JOIN member_tier t ON t.member_id = b.member_id WHERE b.platform = $1 AND b.platform_user_id = $2`,
      [m.channel, m.platformUserId],
    );
    const memberId = m.memberId ?? buyer?.member_id ?? null;
    const tier = memberId ? await selectRow<{ tier_code: string }>(tx.em, `SELECT tier_code FROM member_tier WHERE member_id = $1`, [memberId]) : undefined;
    const tierCode = tier?.tier_code ?? null;
    const topic = topicOf(m.text);
    const priority: Priority =
      m.priority ?? (topic === ConversationTopic.COMPLAINT || (tierCode && this.config.topTiers.includes(tierCode)) ? 'HIGH' : 'NORMAL');
    const due = this.clocks.deadlinesOnOpening(m.at, { topic, priority, tierCode });
    const [row] = await selectRows<ConversationRow>(
      tx.em,
      `INSERT INTO conversation (channel, external_id, platform_user_id, member_id, order_id, subject, topic, priority, tier_code, opened_at, first_response_due_at, resolution_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (channel, external_id) DO UPDATE SET updated_at = now() RETURNING *`,
      [
        m.channel,
        m.externalId,
        m.platformUserId,
        memberId,
        m.orderId ?? null,
        m.subject ?? null,
        topic,
        priority,
        tierCode,
        m.at,
        due.firstResponseDueAt,
        due.resolutionDueAt,
      ],
    );
    tx.emit(ConversationOpened, {
      conversationId: row.id,
      channel: m.channel,
      externalId: m.externalId,
      ...(m.platformUserId ? { platformUserId: m.platformUserId } : {}),
      openedAt: new Date(row.opened_at).toISOString(),
    });
    return row;
  }

  /** Makes `agent` the owner; capacity moves from whoever held the conversation to them. */
  private async takeOwnership(tx: TransactionContext, c: ConversationRow, agent: AgentRef, kind: string, reason: string): Promise<void> {
    const holder = c.owner_agent_id ?? c.assigned_agent_id;
    if (holder !== agent.id) {
      await this.agents.book(tx, agent);
      if (holder) await this.agents.release(tx, holder);
    }
    await execute(tx.em, `UPDATE conversation SET owner_agent_id = $2, assigned_agent_id = $2, needs_human = true, updated_at = now() WHERE id = $1`, [
      c.id,
      agent.id,
    ]);
    await execute(tx.em, `INSERT INTO ownership_change (conversation_id, from_agent_id, to_agent_id, kind, reason, actor) VALUES ($1, $2, $3, $4, $5, $6)`, [
      c.id,
      c.owner_agent_id,
      agent.id,
      kind,
      reason,
      tx.identity.subject,
    ]);
  }

  private async lock(tx: TransactionContext, id: string): Promise<ConversationRow> {
    const row = await selectRow<ConversationRow>(tx.em, `SELECT * FROM conversation WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? refuse(NotFoundError.of('Conversation', id));
  }

  private lockByExternalId(tx: TransactionContext, channel: string, externalId: string): Promise<ConversationRow | undefined> {
    return selectRow<ConversationRow>(tx.em, `SELECT * FROM conversation WHERE channel = $1 AND external_id = $2 FOR UPDATE`, [channel, externalId]);
  }

  /** The conversation as this transaction left it. */
  private async view(tx: TransactionContext, id: string): Promise<Conversation> {
    return (await this.queries.byId(id, tx.em)) ?? refuse(NotFoundError.of('Conversation', id));
  }
}
