import { Inject, Injectable } from '@nestjs/common';
import { SlaBreached, SlaWarning } from '@shopops/contracts';
import { execute, Scheduled, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { BusinessCalendar } from '../calendar/business-calendar';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig, type Priority } from '../customer-service.config';
import { SlaAlert } from './sla.model';

export type SlaTarget = 'FIRST_RESPONSE' | 'NEXT_RESPONSE' | 'RESOLUTION';

interface Clocked {
  id: string;
  topic: string;
  priority: Priority;
  tier_code: string | null;
  opened_at: Date;
  awaiting_reply_since: Date | null;
  first_response_due_at: Date | null;
  next_response_due_at: Date | null;
  resolution_due_at: Date | null;
  escalation_level: number;
  owner_code: string | null;
}

/**
 * Service levels on the business calendar: deadlines are fixed when a clock starts (first
 * response and resolution when the conversation opens, next response when the buyer writes
 * again); a scheduled watch warns before a breach, flags the breach and escalates a level each
 * further target's length overdue — lengths and overdue time counted in the clock's own time
 * (business minutes, or natural minutes for after-sales targets), never one against the other.
 */
/**
 * Where a clock stands at `now`: a warning once `warnAtShare` of its length has passed, a breach
 * at the deadline, one escalation level more for each further length overdue (up to the cap).
 * `minutes` measures both the length and the time overdue, in the clock's own time.
 */
export function slaStanding(
  started: Date,
  due: Date,
  now: Date,
  minutes: (from: Date, to: Date) => number,
  policy: { readonly warnAtShare: number; readonly maxEscalationLevel: number },
): { kind: 'WARNING' | 'BREACH' | null; level: number } {
  const length = Math.max(1, minutes(started, due));
  if (now >= due) return { kind: 'BREACH', level: Math.min(policy.maxEscalationLevel, 1 + Math.floor(minutes(due, now) / length)) };
  if (minutes(started, now) >= policy.warnAtShare * length) return { kind: 'WARNING', level: 0 };
  return { kind: null, level: 0 };
}

@Injectable()
export class SlaService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly calendar: BusinessCalendar,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  /** After-sales first response and resolution follow the platforms' natural time; everything else the business calendar. */
  private countsNaturalTime(target: SlaTarget, topic: string): boolean {
    return topic === 'AFTER_SALES' && target !== 'NEXT_RESPONSE';
  }

  /** Minutes between two moments as a clock of `target` counts them. */
  minutesOf(target: SlaTarget, topic: string, from: Date, to: Date): number {
    if (this.countsNaturalTime(target, topic)) return Math.max(0, (to.getTime() - from.getTime()) / 60_000);
    return this.calendar.businessMinutesBetween(from, to);
  }

  /** When a clock of `target` started at `from` runs out for this conversation. */
  deadline(target: SlaTarget, from: Date, c: { topic: string; priority: Priority; tierCode: string | null }): Date {
    if (this.countsNaturalTime(target, c.topic)) return new Date(from.getTime() + this.config.afterSalesHours * 3_600_000);
    const minutes =
      target === 'FIRST_RESPONSE'
        ? c.tierCode && this.config.topTiers.includes(c.tierCode)
          ? Math.min(this.config.topTierFirstResponseMinutes, this.config.firstResponseMinutes[c.priority])
          : this.config.firstResponseMinutes[c.priority]
        : target === 'NEXT_RESPONSE'
          ? this.config.nextResponseMinutes
          : this.config.resolutionMinutes;
    return this.calendar.addBusinessMinutes(from, minutes);
  }

  /** Business and wall-clock minutes between two moments. */
  elapsed(from: Date, to: Date): { business: number; wall: number } {
    return { business: this.calendar.businessMinutesBetween(from, to), wall: Math.round(((to.getTime() - from.getTime()) / 60_000) * 100) / 100 };
  }

  @Scheduled({ name: 'customer-service.sla-watch', cron: '*/30 * * * * *' })
  async watch(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, (tx) => this.check(tx, new Date()));
  }

  async check(tx: TransactionContext, now: Date): Promise<number> {
    const open = await selectRows<Clocked>(
      tx.em,
      `SELECT c.id, c.topic, c.priority, c.tier_code, c.opened_at, c.awaiting_reply_since, c.first_response_due_at, c.next_response_due_at, c.resolution_due_at,
              c.escalation_level, a.code AS owner_code
         FROM conversation c LEFT JOIN agent a ON a.id = coalesce(c.owner_agent_id, c.assigned_agent_id)
        WHERE c.status IN ('OPEN', 'PENDING') AND (c.first_response_due_at IS NOT NULL OR c.next_response_due_at IS NOT NULL OR c.resolution_due_at IS NOT NULL)
        ORDER BY c.id LIMIT 5000 FOR UPDATE OF c SKIP LOCKED`,
    );
    let alerts = 0;
    for (const c of open) {
      const clocks: Array<[SlaTarget, Date | null, Date | null]> = [
        ['FIRST_RESPONSE', c.opened_at, c.first_response_due_at],
        ['NEXT_RESPONSE', c.awaiting_reply_since, c.next_response_due_at],
        ['RESOLUTION', c.opened_at, c.resolution_due_at],
      ];
      let escalation = c.escalation_level;
      for (const [target, started, due] of clocks) {
        if (!started || !due) continue;
        const { kind, level } = slaStanding(started, due, now, (from, to) => this.minutesOf(target, c.topic, from, to), this.config.sla);
        if (!kind) continue;
        const recorded = await selectRows<{ level: number }>(
          tx.em,
          `INSERT INTO sla_event (conversation_id, target, kind, level, due_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING level`,
          [c.id, target, kind, level, due],
        );
        if (!recorded.length) continue;
        alerts++;
        escalation = Math.max(escalation, level);
        tx.emit(kind === 'BREACH' ? SlaBreached : SlaWarning, {
          conversationId: c.id,
          target,
          dueAt: due.toISOString(),
          escalationLevel: level,
          priority: c.priority,
          ...(c.owner_code ? { ownerAgent: c.owner_code } : {}),
        });
      }
      if (escalation !== c.escalation_level)
        await execute(tx.em, `UPDATE conversation SET escalation_level = $2, updated_at = now() WHERE id = $1`, [c.id, escalation]);
    }
    return alerts;
  }

  /** The warnings and breaches of these conversations, in the order they were raised. */
  async alertsOf(ids: readonly string[]): Promise<Array<SlaAlert & { conversationId: string }>> {
    const rows = await selectRows<{ conversation_id: string; target: string; kind: string; level: number; due_at: Date; at: Date }>(
      this.dataSource,
      `SELECT conversation_id, target, kind, level, due_at, at FROM sla_event WHERE conversation_id = ANY ($1::uuid[]) ORDER BY at, target`,
      [ids],
    );
    return rows.map((r) =>
      Object.assign(new SlaAlert(), { conversationId: r.conversation_id, target: r.target, kind: r.kind, level: r.level, dueAt: r.due_at, at: r.at }),
    );
  }
}
