import { Injectable } from '@nestjs/common';
import { execute, type TransactionContext } from '@shopops/platform';
import type { ConversationTopic } from '../conversations/conversation.model';
import { SlaService } from '../sla/sla.service';
import { topicAtHandover } from './conversation-topic';
import { KnowledgeService } from './knowledge.service';

export interface BotConversation {
  readonly id: string;
  readonly topic: ConversationTopic;
  readonly opened_at: Date;
}

export type BotOutcome = { readonly answered: true } | { readonly answered: false; readonly topic: ConversationTopic };

/** The bot's turn on a buyer's message: answer from the knowledge base, or hand over with what it saw. */
@Injectable()
export class BotAnswerer {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly sla: SlaService,
  ) {}

  async reply(tx: TransactionContext, conversation: BotConversation, question: string): Promise<BotOutcome> {
    const decision = await this.knowledge.ask(question);
    if (decision.answer) {
      await execute(tx.em, `INSERT INTO message (conversation_id, author, text, article_intent, sent_at) VALUES ($1, 'BOT', $2, $3, clock_timestamp())`, [
        conversation.id,
        decision.answer.article.answer,
        decision.answer.article.intent,
      ]);
      // A bot answer is an answer: it stops the response clocks like an agent's would.
      const took = this.sla.elapsed(conversation.opened_at, new Date());
      await execute(
        tx.em,
        `UPDATE conversation SET bot_answers = bot_answers + 1, status = 'PENDING', awaiting_reply_since = NULL, next_response_due_at = NULL, updated_at = now(),
                  first_responded_at = coalesce(first_responded_at, clock_timestamp()),
                  first_response_business_minutes = coalesce(first_response_business_minutes, $2), first_response_wall_minutes = coalesce(first_response_wall_minutes, $3)
            WHERE id = $1`,
        [conversation.id, took.business, took.wall],
      );
      return { answered: true };
    }
    const context = {
      question,
      handoverReason: decision.handoverReason,
      sentiment: decision.sentiment,
      confidence: decision.confidence,
      closest: decision.answer ?? null,
    };
    const topic = topicAtHandover(conversation.topic, decision.sentiment);
    await execute(tx.em, `UPDATE conversation SET needs_human = true, bot_context = $2, topic = $3 WHERE id = $1`, [
      conversation.id,
      JSON.stringify(context),
      topic,
    ]);
    return { answered: false, topic };
  }
}
