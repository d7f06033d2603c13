import { Injectable } from '@nestjs/common';
import { execute, type TransactionContext } from '@shopops/platform';
import type { Priority } from '../customer-service.config';
import { SlaService } from './sla.service';

export interface ClockedConversation {
  readonly id: string;
  readonly topic: string;
  readonly priority: Priority;
  readonly tier_code: string | null;
}

/** Starts a conversation's clocks: first response and resolution when it opens, next response when the buyer writes again. */
@Injectable()
export class SlaClocks {
  constructor(private readonly sla: SlaService) {}

  deadlinesOnOpening(at: Date, c: { topic: string; priority: Priority; tierCode: string | null }): { firstResponseDueAt: Date; resolutionDueAt: Date } {
    return { firstResponseDueAt: this.sla.deadline('FIRST_RESPONSE', at, c), resolutionDueAt: this.sla.deadline('RESOLUTION', at, c) };
  }

  /** The buyer is waiting again: the next-response clock starts, unless it is already running. */
  async startNextResponse(tx: TransactionContext, conversation: ClockedConversation, at: Date): Promise<void> {
    const due = this.sla.deadline('NEXT_RESPONSE', at, { topic: conversation.topic, priority: conversation.priority, tierCode: conversation.tier_code });
    await execute(
      tx.em,
      `UPDATE conversation SET awaiting_reply_since = coalesce(awaiting_reply_since, $2), next_response_due_at = coalesce(next_response_due_at, $3), updated_at = now() WHERE id = $1`,
      [conversation.id, at, due],
    );
  }
}
