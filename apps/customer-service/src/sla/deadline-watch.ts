import { Injectable } from '@nestjs/common';
import { AfterSalesOverdue, ContactTaskOverdue } from '@shopops/contracts';
import { Scheduled, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';

/** How many overdue items one sweep flags; the rest wait for the next run. */
const SWEEP_LIMIT = 1000;

/**
 * Deadlines outside the conversation clocks: a negative reviewer's contact task (due the
 * review's time plus the contact hours) and an after-sales case's completion target. A periodic
 * sweep flags each once when it passes unmet and sends an alert event with the flag.
 */
@Injectable()
export class DeadlineWatch {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Scheduled({ name: 'customer-service.deadline-watch', cron: '*/30 * * * * *' })
  async watch(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, async (tx) => {
      const now = new Date();
      await this.flagContactTasks(tx, now);
      await this.flagAfterSalesCases(tx, now);
    });
  }

  async flagContactTasks(tx: TransactionContext, now: Date): Promise<number> {
    const overdue = await selectRows<{ id: string; incident_id: string; channel: string; review_id: string; due_at: Date }>(
      tx.em,
      `UPDATE contact_task t SET overdue_at = $1
         FROM (SELECT id FROM contact_task WHERE done_at IS NULL AND overdue_at IS NULL AND due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
        WHERE t.id = due.id
        RETURNING t.id, t.incident_id, t.channel, t.review_id, t.due_at`,
      [now, SWEEP_LIMIT],
    );
    for (const t of overdue)
      tx.emit(ContactTaskOverdue, { taskId: t.id, incidentId: t.incident_id, channel: t.channel, reviewId: t.review_id, dueAt: t.due_at.toISOString() });
    return overdue.length;
  }

  async flagAfterSalesCases(tx: TransactionContext, now: Date): Promise<number> {
    const overdue = await selectRows<{ id: string; channel: string; order_id: string; kind: string; status: string; due_at: Date }>(
      tx.em,
      `UPDATE after_sales_case c SET overdue_at = $1
         FROM (SELECT id FROM after_sales_case WHERE completed_at IS NULL AND overdue_at IS NULL AND due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
        WHERE c.id = due.id
        RETURNING c.id, c.channel, c.order_id, c.kind, c.status, c.due_at`,
      [now, SWEEP_LIMIT],
    );
    for (const c of overdue)
      tx.emit(AfterSalesOverdue, { caseId: c.id, channel: c.channel, orderId: c.order_id, kind: c.kind, status: c.status, dueAt: c.due_at.toISOString() });
    return overdue.length;
  }
}
