import { Injectable } from '@nestjs/common';
import { ConversationResolved } from '@shopops/contracts';
import { execute, selectRow, type TransactionContext } from '@shopops/platform';
import { AgentCapacity } from '../agents/agent-capacity';
import { SlaService } from '../sla/sla.service';
import { ConversationStatus } from './conversation.model';
import type { ConversationRow } from './conversation.queries';

/** Allowed status changes; CLOSED is final. */
const TRANSITIONS: Record<ConversationStatus, ConversationStatus[]> = {
  OPEN: [ConversationStatus.PENDING, ConversationStatus.SNOOZED, ConversationStatus.RESOLVED],
  PENDING: [ConversationStatus.OPEN, ConversationStatus.SNOOZED, ConversationStatus.RESOLVED],
  SNOOZED: [ConversationStatus.OPEN, ConversationStatus.RESOLVED],
  RESOLVED: [ConversationStatus.OPEN, ConversationStatus.CLOSED],
  CLOSED: [],
};

const isActive = (status: ConversationStatus) => status !== ConversationStatus.RESOLVED && status !== ConversationStatus.CLOSED;

/** A conversation's status machine: what each change does to the holder's capacity, the clocks and the survey. */
@Injectable()
export class ConversationStatusMachine {
  constructor(
    private readonly sla: SlaService,
    private readonly capacity: AgentCapacity,
  ) {}

  allows(from: ConversationStatus, to: ConversationStatus): boolean {
    return TRANSITIONS[from].includes(to);
  }

  async move(tx: TransactionContext, c: ConversationRow, to: ConversationStatus, snoozeMinutes?: number): Promise<void> {
    const holder = c.owner_agent_id ?? c.assigned_agent_id;
    if (holder && isActive(c.status) && !isActive(to)) await this.capacity.release(tx, holder);
    if (holder && !isActive(c.status) && isActive(to)) await this.capacity.retake(tx, holder);
    if (to === ConversationStatus.RESOLVED) return this.resolve(tx, c, holder);
    if (to === ConversationStatus.OPEN && c.status === ConversationStatus.RESOLVED) {
      // Reopened: resolution starts over.
      const due = this.sla.deadline('RESOLUTION', new Date(), { topic: c.topic, priority: c.priority, tierCode: c.tier_code });
      await execute(tx.em, `UPDATE conversation SET status = 'OPEN', resolved_at = NULL, resolution_due_at = $2, updated_at = now() WHERE id = $1`, [
        c.id,
        due,
      ]);
      return;
    }
    await execute(
      tx.em,
      `UPDATE conversation SET status = $2, snoozed_until = CASE WHEN $2 = 'SNOOZED' THEN now() + ($3::int * interval '1 minute') END,
              closed_at = CASE WHEN $2 = 'CLOSED' THEN now() END, updated_at = now() WHERE id = $1`,
      [c.id, to, snoozeMinutes ?? 60],
    );
  }

  /** Resolution stops every clock, sends the buyer a survey and tells the rest of the shop. */
  private async resolve(tx: TransactionContext, c: ConversationRow, holder: string | null): Promise<void> {
    const now = new Date();
    const took = this.sla.elapsed(c.opened_at, now);
    await execute(
      tx.em,
      `UPDATE conversation SET status = 'RESOLVED', resolved_at = $2, resolution_business_minutes = $3, resolution_wall_minutes = $4,
                first_response_due_at = NULL, next_response_due_at = NULL, resolution_due_at = NULL, awaiting_reply_since = NULL, updated_at = now() WHERE id = $1`,
      [c.id, now, took.business, took.wall],
    );
    const owner = holder ? await selectRow<{ id: string }>(tx.em, `SELECT id FROM agent WHERE id = $1`, [holder]) : undefined;
    await execute(tx.em, `INSERT INTO survey (conversation_id, agent_id, channel) VALUES ($1, $2, $3) ON CONFLICT (conversation_id) DO NOTHING`, [
      c.id,
      owner?.id ?? null,
      c.channel,
    ]);
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
  }
}
