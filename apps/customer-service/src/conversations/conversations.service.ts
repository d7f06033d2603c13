import { Inject, Injectable } from '@nestjs/common';
import { ConversationOpened, ConversationResolved } from '@shopops/contracts';
import { InvalidStateError, NotFoundError, refuse, Scheduled, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { AgentAtCapacityError, NotOwnerError } from '../agents/agents.model';
import { ASSIGNMENT_STRATEGY, type AssignmentStrategy } from '../agents/assignment.strategy';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig, type Priority } from '../customer-service.config';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { SlaService } from '../sla/sla.service';
import {
  Conversation,
  ConversationStatus,
  ConversationTopic,
  IllegalStatusChangeError,
  type OpenConversationInput,
  type ReplyInput,
} from './conversation.model';
import { selectConversations, toConversation, type ConversationRow } from './conversation.queries';

const AFTER_SALES_WORDS = ['退货', '退款', '换货', '换码', '售后', '退回', 'return', 'refund', 'exchange'];
const COMPLAINT_WORDS = ['投诉', '差评', '12315', '骗', '假货', '经理', 'complain', 'manager'];

/** Allowed status changes; CLOSED is final. */
const TRANSITIONS: Record<ConversationStatus, ConversationStatus[]> = {
  OPEN: [ConversationStatus.PENDING, ConversationStatus.SNOOZED, ConversationStatus.RESOLVED],
  PENDING: [ConversationStatus.OPEN, ConversationStatus.SNOOZED, ConversationStatus.RESOLVED],
  SNOOZED: [ConversationStatus.OPEN, ConversationStatus.RESOLVED],
  RESOLVED: [ConversationStatus.OPEN, ConversationStatus.CLOSED],
  CLOSED: [],
};


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
    private readonly knowledge: KnowledgeService,
    private readonly sla: SlaService,
    @Inject(ASSIGNMENT_STRATEGY) private readonly assignment: AssignmentStrategy,
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
      return this.byIdIn(tx, id);
    });
  }

  /** A buyer wrote: open or continue the conversation, let the bot try, route to a person if not. */
  async receive(tx: TransactionContext, m: BuyerMessage): Promise<string> {
    let conversation = await this.lockByExternalId(tx, m.channel, m.externalId);
    if (conversation?.status === ConversationStatus.CLOSED) {
      // A closed case stays closed: the buyer's new message starts a new conversation.
      m = { ...m, externalId: `${m.externalId}#${Date.now()}` };
      conversation = undefined;
    }
    const isNew = !conversation;
    if (!conversation) conversation = await this.create(tx, m);
    await tx.em.query(`INSERT INTO message (conversation_id, author, text, sent_at) VALUES ($1, 'BUYER', $2, $3)`, [conversation.id, m.text, m.at]);
    if (conversation.status === ConversationStatus.RESOLVED || conversation.status === ConversationStatus.SNOOZED) {
      await this.moveStatus(tx, conversation, ConversationStatus.OPEN);
    } else if (conversation.status === ConversationStatus.PENDING) {
      await tx.em.query(`UPDATE conversation SET status = 'OPEN' WHERE id = $1`, [conversation.id]);
    }
    if (!conversation.needs_human && !conversation.owner_agent_id) {
      const decision = await this.knowledge.ask(m.text);
      if (decision.answer) {
        await tx.em.query(`INSERT INTO message (conversation_id, author, text, article_intent, sent_at) VALUES ($1, 'BOT', $2, $3, clock_timestamp())`, [conversation.id, decision.answer.article.answer, decision.answer.article.intent]);
        // A bot answer is an answer: it stops the response clocks like an agent's would.
        const took = this.sla.elapsed(conversation.opened_at, new Date());
        await tx.em.query(
          `UPDATE conversation SET bot_answers = bot_answers + 1, status = 'PENDING', awaiting_reply_since = NULL, next_response_due_at = NULL, updated_at = now(),
                  first_responded_at = coalesce(first_responded_at, clock_timestamp()),
                  first_response_business_minutes = coalesce(first_response_business_minutes, $2), first_response_wall_minutes = coalesce(first_response_wall_minutes, $3)
            WHERE id = $1`,
          [conversation.id, took.business, took.wall],
        );
        return conversation.id;
      }
      const context = { question: m.text, handoverReason: decision.handoverReason, sentiment: decision.sentiment, confidence: decision.confidence, closest: decision.answer ?? null };
      const topic = decision.sentiment === 'negative' && conversation.topic === ConversationTopic.PRE_SALES ? ConversationTopic.COMPLAINT : conversation.topic;
      await tx.em.query(`UPDATE conversation SET needs_human = true, bot_context = $2, topic = $3 WHERE id = $1`, [conversation.id, JSON.stringify(context), topic]);
      await this.route(tx, { ...conversation, topic });
    }
    if (!isNew && conversation.first_responded_at) {
      // The buyer is waiting again: the next-response clock starts, unless it is already running.
      const due = this.sla.deadline('NEXT_RESPONSE', m.at, { topic: conversation.topic, priority: conversation.priority, tierCode: conversation.tier_code });
      await tx.em.query(`UPDATE conversation SET awaiting_reply_since = coalesce(awaiting_reply_since, $2), next_response_due_at = coalesce(next_response_due_at, $3), updated_at = now() WHERE id = $1`, [conversation.id, m.at, due]);
    }
    return conversation.id;
  }

  reply(ctx: RequestContext, input: ReplyInput): Promise<Conversation | NotFoundError | NotOwnerError | AgentAtCapacityError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, input.conversationId);
      const agent = await this.agent(tx, input.agentCode);
      if (input.internalNote) {
        await tx.em.query(`INSERT INTO message (conversation_id, author, text, agent_id, sent_at) VALUES ($1, 'NOTE', $2, $3, clock_timestamp())`, [conversation.id, input.text, agent.id]);
        return this.byIdIn(tx, conversation.id);
      }
      if (conversation.status === ConversationStatus.CLOSED) refuse(InvalidStateError.of('Conversation', conversation.status, 'be answered'));
      if (!conversation.owner_agent_id) await this.takeOwnership(tx, conversation, agent, 'FIRST_RESPONSE', 'answered first');
      else if (conversation.owner_agent_id !== agent.id) refuse(NotOwnerError.of(await this.agentCode(tx, conversation.owner_agent_id)));
      const now = new Date();
      await tx.em.query(`INSERT INTO message (conversation_id, author, text, agent_id, sent_at) VALUES ($1, 'AGENT', $2, $3, $4)`, [conversation.id, input.text, agent.id, now]);
      const firstResponse = conversation.first_responded_at ? null : this.sla.elapsed(conversation.opened_at, now);
      await tx.em.query(
        `UPDATE conversation SET status = CASE WHEN status = 'OPEN' THEN 'PENDING' ELSE status END, awaiting_reply_since = NULL, next_response_due_at = NULL,
                first_responded_at = coalesce(first_responded_at, $2),
                first_response_business_minutes = coalesce(first_response_business_minutes, $3), first_response_wall_minutes = coalesce(first_response_wall_minutes, $4),
                updated_at = now()
          WHERE id = $1`,
        [conversation.id, now, firstResponse?.business ?? null, firstResponse?.wall ?? null],
      );
      return this.byIdIn(tx, conversation.id);
    });
  }

  /** Takes an unowned conversation; of agents claiming at once, exactly one wins. */
  claim(ctx: RequestContext, conversationId: string, agentCode: string): Promise<Conversation | NotFoundError | NotOwnerError | AgentAtCapacityError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, conversationId);
      const agent = await this.agent(tx, agentCode);
      if (conversation.owner_agent_id === agent.id) return this.byIdIn(tx, conversation.id);
      if (conversation.owner_agent_id) refuse(NotOwnerError.of(await this.agentCode(tx, conversation.owner_agent_id)));
      await this.takeOwnership(tx, conversation, agent, 'CLAIMED', 'claimed');
      return this.byIdIn(tx, conversation.id);
    });
  }

  /** The owner passes the case on explicitly; the receiver must have room. */
  handover(ctx: RequestContext, conversationId: string, toAgentCode: string, reason: string): Promise<Conversation | NotFoundError | AgentAtCapacityError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, conversationId);
      if (conversation.status === ConversationStatus.CLOSED) refuse(InvalidStateError.of('Conversation', conversation.status, 'be handed over'));
      const to = await this.agent(tx, toAgentCode);
      if (conversation.owner_agent_id === to.id) return this.byIdIn(tx, conversation.id);
      await this.takeOwnership(tx, conversation, to, 'HANDOVER', reason);
      return this.byIdIn(tx, conversation.id);
    });
  }

  setStatus(ctx: RequestContext, conversationId: string, to: ConversationStatus, snoozeMinutes?: number): Promise<Conversation | NotFoundError | IllegalStatusChangeError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const conversation = await this.lock(tx, conversationId);
      if (conversation.status === to) return this.byIdIn(tx, conversation.id);
      if (!TRANSITIONS[conversation.status].includes(to)) refuse(IllegalStatusChangeError.of(conversation.status, to));
      await this.moveStatus(tx, conversation, to, snoozeMinutes);
      return this.byIdIn(tx, conversation.id);
    });
  }

  /** Snoozed conversations wake up when their time comes. */
  @Scheduled({ name: 'customer-service.snooze-wakeup', cron: '* * * * *' })
  async wakeSnoozed(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, (tx) => tx.em.query(`UPDATE conversation SET status = 'OPEN', snoozed_until = NULL, updated_at = now() WHERE status = 'SNOOZED' AND snoozed_until <= now()`));
  }

  private async create(tx: TransactionContext, m: BuyerMessage): Promise<ConversationRow> {
    const [buyer] = (await tx.em.query(
      `SELECT b.member_id, t.tier_code, t.dedicated_agent_id FROM buyer b LEFT JOIN member_tier t ON t.member_id = b.member_id WHERE b.platform = $1 AND b.platform_user_id = $2`,
      [m.channel, m.platformUserId],
    )) as Array<{ member_id: string; tier_code: string | null }>;
    const memberId = m.memberId ?? buyer?.member_id ?? null;
    const [tier] = memberId ? ((await tx.em.query(`SELECT tier_code FROM member_tier WHERE member_id = $1`, [memberId])) as Array<{ tier_code: string }>) : [];
    const tierCode = tier?.tier_code ?? null;
    const lowered = m.text.toLowerCase();
    const topic = COMPLAINT_WORDS.some((w) => lowered.includes(w))
      ? ConversationTopic.COMPLAINT
      : AFTER_SALES_WORDS.some((w) => lowered.includes(w))
        ? ConversationTopic.AFTER_SALES
        : ConversationTopic.PRE_SALES;
    const priority: Priority = m.priority ?? (topic === ConversationTopic.COMPLAINT || (tierCode && this.config.topTiers.includes(tierCode)) ? 'HIGH' : 'NORMAL');
    const clock = { topic, priority, tierCode };
    const [row] = (await tx.em.query(
      `INSERT INTO conversation (channel, external_id, platform_user_id, member_id, order_id, subject, topic, priority, tier_code, opened_at, first_response_due_at, resolution_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (channel, external_id) DO UPDATE SET updated_at = now() RETURNING *`,
      [m.channel, m.externalId, m.platformUserId, memberId, m.orderId ?? null, m.subject ?? null, topic, priority, tierCode, m.at, this.sla.deadline('FIRST_RESPONSE', m.at, clock), this.sla.deadline('RESOLUTION', m.at, clock)],
    )) as ConversationRow[];
    tx.emit(ConversationOpened, { conversationId: row.id, channel: m.channel, externalId: m.externalId, ...(m.platformUserId ? { platformUserId: m.platformUserId } : {}) });
    return row;
  }

  private async route(tx: TransactionContext, conversation: ConversationRow): Promise<void> {
    if (conversation.assigned_agent_id) return;
    const [dedicated] = conversation.member_id
      ? ((await tx.em.query(`SELECT dedicated_agent_id FROM member_tier WHERE member_id = $1 AND tier_code = ANY ($2)`, [conversation.member_id, this.config.topTiers])) as Array<{ dedicated_agent_id: string | null }>)
      : [];
    const skill = conversation.topic === ConversationTopic.PRE_SALES ? 'pre-sales' : conversation.topic === ConversationTopic.AFTER_SALES ? 'after-sales' : 'complaint';
    const agentId = await this.assignment.assign(tx, { conversationId: conversation.id, skill, dedicatedAgentId: dedicated?.dedicated_agent_id ?? null });
    if (!agentId) return; // Nobody free: it waits in the unassigned queue, its clocks running.
    await tx.em.query(`UPDATE conversation SET assigned_agent_id = $2, updated_at = now() WHERE id = $1`, [conversation.id, agentId]);
    await tx.em.query(`INSERT INTO ownership_change (conversation_id, to_agent_id, kind, reason, actor) VALUES ($1, $2, 'ASSIGNED', $3, 'router')`, [conversation.id, agentId, `${skill}${dedicated?.dedicated_agent_id === agentId ? ' (dedicated agent)' : ''}`]);
  }

  /** Makes `agent` the owner; capacity moves from whoever held the conversation to them. */
  private async takeOwnership(tx: TransactionContext, c: ConversationRow, agent: { id: string; code: string }, kind: string, reason: string): Promise<void> {
    const holder = c.owner_agent_id ?? c.assigned_agent_id;
    if (holder !== agent.id) {
      const booked: Array<{ capacity: number }> = await tx.em.query(
        `WITH booked AS (UPDATE agent SET open_conversations = open_conversations + 1 WHERE id = $1 AND open_conversations < capacity AND active RETURNING capacity) SELECT capacity FROM booked`,
        [agent.id],
      );
      if (!booked.length) {
        const [{ capacity }] = (await tx.em.query(`SELECT capacity FROM agent WHERE id = $1`, [agent.id])) as Array<{ capacity: number }>;
        refuse(AgentAtCapacityError.of(agent.code, capacity));
      }
      if (holder) await tx.em.query(`UPDATE agent SET open_conversations = greatest(open_conversations - 1, 0) WHERE id = $1`, [holder]);
    }
    await tx.em.query(`UPDATE conversation SET owner_agent_id = $2, assigned_agent_id = $2, needs_human = true, updated_at = now() WHERE id = $1`, [c.id, agent.id]);
    await tx.em.query(`INSERT INTO ownership_change (conversation_id, from_agent_id, to_agent_id, kind, reason, actor) VALUES ($1, $2, $3, $4, $5, $6)`, [c.id, c.owner_agent_id, agent.id, kind, reason, tx.identity.subject]);
  }

  private async moveStatus(tx: TransactionContext, c: ConversationRow, to: ConversationStatus, snoozeMinutes?: number): Promise<void> {
    const holder = c.owner_agent_id ?? c.assigned_agent_id;
    const wasActive = c.status !== ConversationStatus.RESOLVED && c.status !== ConversationStatus.CLOSED;
    const willBeActive = to !== ConversationStatus.RESOLVED && to !== ConversationStatus.CLOSED;
    if (holder && wasActive && !willBeActive) await tx.em.query(`UPDATE agent SET open_conversations = greatest(open_conversations - 1, 0) WHERE id = $1`, [holder]);
    if (holder && !wasActive && willBeActive) await tx.em.query(`UPDATE agent SET open_conversations = open_conversations + 1 WHERE id = $1`, [holder]);
    if (to === ConversationStatus.RESOLVED) {
      const now = new Date();
      const took = this.sla.elapsed(c.opened_at, now);
      await tx.em.query(
        `UPDATE conversation SET status = 'RESOLVED', resolved_at = $2, resolution_business_minutes = $3, resolution_wall_minutes = $4,
                first_response_due_at = NULL, next_response_due_at = NULL, resolution_due_at = NULL, awaiting_reply_since = NULL, updated_at = now() WHERE id = $1`,
        [c.id, now, took.business, took.wall],
      );
      const [owner] = holder ? ((await tx.em.query(`SELECT id FROM agent WHERE id = $1`, [holder])) as Array<{ id: string }>) : [];
      await tx.em.query(`INSERT INTO survey (conversation_id, agent_id, channel) VALUES ($1, $2, $3) ON CONFLICT (conversation_id) DO NOTHING`, [c.id, owner?.id ?? null, c.channel]);
      tx.emit(ConversationResolved, {
        conversationId: c.id,
        channel: c.channel,
        resolvedAt: now.toISOString(),
        ...(c.first_response_business_minutes !== null ? { firstResponseBusinessMinutes: Number(c.first_response_business_minutes) } : {}),
        ...(c.first_response_wall_minutes !== null ? { firstResponseWallMinutes: Number(c.first_response_wall_minutes) } : {}),
        resolutionWallMinutes: took.wall,
        botAnswers: c.bot_answers,
        agentAnswered: c.owner_agent_id !== null,
      });
      return;
    }
    if (to === ConversationStatus.OPEN && c.status === ConversationStatus.RESOLVED) {
      // Reopened: resolution starts over.
      const due = this.sla.deadline('RESOLUTION', new Date(), { topic: c.topic, priority: c.priority, tierCode: c.tier_code });
      await tx.em.query(`UPDATE conversation SET status = 'OPEN', resolved_at = NULL, resolution_due_at = $2, updated_at = now() WHERE id = $1`, [c.id, due]);
      return;
    }
    await tx.em.query(
      `UPDATE conversation SET status = $2, snoozed_until = CASE WHEN $2 = 'SNOOZED' THEN now() + ($3::int * interval '1 minute') END,
              closed_at = CASE WHEN $2 = 'CLOSED' THEN now() END, updated_at = now() WHERE id = $1`,
      [c.id, to, snoozeMinutes ?? 60],
    );
  }

  private async lock(tx: TransactionContext, id: string): Promise<ConversationRow> {
    const [row] = (await tx.em.query(`SELECT * FROM conversation WHERE id = $1 FOR UPDATE`, [id])) as ConversationRow[];
    return row ?? refuse(NotFoundError.of('Conversation', id));
  }

  private async lockByExternalId(tx: TransactionContext, channel: string, externalId: string): Promise<ConversationRow | undefined> {
    const [row] = (await tx.em.query(`SELECT * FROM conversation WHERE channel = $1 AND external_id = $2 FOR UPDATE`, [channel, externalId])) as ConversationRow[];
    return row;
  }

  private async agent(tx: TransactionContext, code: string): Promise<{ id: string; code: string }> {
    const [agent] = (await tx.em.query(`SELECT id, code FROM agent WHERE code = $1 AND active`, [code])) as Array<{ id: string; code: string }>;
    return agent ?? refuse(NotFoundError.of('Agent', code));
  }

  private async agentCode(tx: TransactionContext, id: string): Promise<string> {
    const [agent] = (await tx.em.query(`SELECT code FROM agent WHERE id = $1`, [id])) as Array<{ code: string }>;
    return agent.code;
  }

  private async byIdIn(tx: TransactionContext, id: string): Promise<Conversation> {
    const [row] = await selectConversations(tx.em.query.bind(tx.em), `c.id = $1`, [id]);
    return toConversation(row);
  }

}
