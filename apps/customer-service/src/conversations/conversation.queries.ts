import { Injectable } from '@nestjs/common';
import { selectRows, type Queryable } from '@shopops/platform';
import { DataSource } from 'typeorm';
import {
  Conversation,
  ConversationMessage,
  OwnershipChange,
  type ConversationPriority,
  type ConversationStatus,
  type ConversationTopic,
  type MessageAuthor,
} from './conversation.model';

export interface ConversationRow {
  id: string;
  channel: string;
  external_id: string;
  platform_user_id: string | null;
  member_id: string | null;
  order_id: string | null;
  subject: string | null;
  status: ConversationStatus;
  priority: ConversationPriority;
  topic: ConversationTopic;
  tier_code: string | null;
  assigned_agent_id: string | null;
  owner_agent_id: string | null;
  needs_human: boolean;
  bot_context: unknown;
  bot_answers: number;
  opened_at: Date;
  first_response_due_at: Date | null;
  next_response_due_at: Date | null;
  resolution_due_at: Date | null;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  first_response_business_minutes: string | null;
  first_response_wall_minutes: string | null;
  escalation_level: number;
  assigned_code?: string | null;
  owner_code?: string | null;
}

/** Reading conversations and what hangs off them, batched for loaders. */
@Injectable()
export class ConversationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** `db` is a transaction's manager when the conversation was just written in it. */
  async byId(id: string, db: Queryable = this.dataSource): Promise<Conversation | null> {
    const [row] = await selectConversations(db, `c.id = $1`, [id]);
    return row ? toConversation(row) : null;
  }

  async list(
    filter: { status?: ConversationStatus; agentCode?: string; memberIds?: readonly string[]; needsHuman?: boolean },
    first: number,
  ): Promise<Conversation[]> {
    const rows = await selectConversations(
      this.dataSource,
      `($1::text IS NULL OR c.status = $1) AND ($2::text IS NULL OR o.code = $2 OR (c.owner_agent_id IS NULL AND a.code = $2))
         AND ($3::uuid[] IS NULL OR c.member_id = ANY ($3)) AND ($4::boolean IS NULL OR c.needs_human = $4)
       ORDER BY c.opened_at DESC LIMIT $5`,
      [filter.status ?? null, filter.agentCode ?? null, filter.memberIds ?? null, filter.needsHuman ?? null, first],
    );
    return rows.map(toConversation);
  }

  async messagesOf(ids: readonly string[]): Promise<Array<ConversationMessage & { conversationId: string }>> {
    const rows = await selectRows<{
      conversation_id: string;
      author: MessageAuthor;
      text: string;
      code: string | null;
      article_intent: string | null;
      sent_at: Date;
    }>(
      this.dataSource,
      `SELECT m.conversation_id, m.author, m.text, a.code, m.article_intent, m.sent_at FROM message m LEFT JOIN agent a ON a.id = m.agent_id
        WHERE m.conversation_id = ANY ($1::uuid[]) ORDER BY m.sent_at, m.id`,
      [ids],
    );
    return rows.map((r) =>
      Object.assign(new ConversationMessage(), {
        conversationId: r.conversation_id,
        author: r.author,
        text: r.text,
        agentCode: r.code,
        articleIntent: r.article_intent,
        sentAt: r.sent_at,
      }),
    );
  }

  async ownershipOf(ids: readonly string[]): Promise<Array<OwnershipChange & { conversationId: string }>> {
    const rows = await selectRows<{
      conversation_id: string;
      from_code: string | null;
      to_code: string;
      kind: string;
      reason: string;
      actor: string;
      at: Date;
    }>(
      this.dataSource,
      `SELECT o.conversation_id, f.code AS from_code, t.code AS to_code, o.kind, o.reason, o.actor, o.at
         FROM ownership_change o LEFT JOIN agent f ON f.id = o.from_agent_id JOIN agent t ON t.id = o.to_agent_id
        WHERE o.conversation_id = ANY ($1::uuid[]) ORDER BY o.id`,
      [ids],
    );
    return rows.map((r) =>
      Object.assign(new OwnershipChange(), {
        conversationId: r.conversation_id,
        fromAgentCode: r.from_code,
        toAgentCode: r.to_code,
        kind: r.kind,
        reason: r.reason,
        actor: r.actor,
        at: r.at,
      }),
    );
  }
}

/** `where` is one of this module's fixed conditions; values are always parameters. */
function selectConversations(db: Queryable, where: string, params: unknown[]): Promise<ConversationRow[]> {
  return selectRows<ConversationRow>(
    db,
    `SELECT c.*, a.code AS assigned_code, o.code AS owner_code FROM conversation c
       LEFT JOIN agent a ON a.id = c.assigned_agent_id LEFT JOIN agent o ON o.id = c.owner_agent_id
      WHERE ${where}`,
    params,
  );
}

export function toConversation(r: ConversationRow): Conversation {
  return Object.assign(new Conversation(), {
    id: r.id,
    channel: r.channel,
    externalId: r.external_id,
    platformUserId: r.platform_user_id,
    memberId: r.member_id,
    orderId: r.order_id,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    topic: r.topic,
    assignedAgentCode: r.assigned_code ?? null,
    ownerAgentCode: r.owner_code ?? null,
    needsHuman: r.needs_human,
    botContext: r.bot_context ? JSON.stringify(r.bot_context) : null,
    botAnswers: r.bot_answers,
    firstResponseDueAt: r.first_response_due_at,
    nextResponseDueAt: r.next_response_due_at,
    resolutionDueAt: r.resolution_due_at,
    firstRespondedAt: r.first_responded_at,
    resolvedAt: r.resolved_at,
    firstResponseBusinessMinutes: r.first_response_business_minutes === null ? null : Number(r.first_response_business_minutes),
    firstResponseWallMinutes: r.first_response_wall_minutes === null ? null : Number(r.first_response_wall_minutes),
    escalationLevel: r.escalation_level,
    openedAt: r.opened_at,
  });
}
