import { Injectable } from '@nestjs/common';
import { Scheduled, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { ReservationEngine } from './reservation-engine';

/** Reservations closed per transaction; a sweep repeats until none is due. */
const SWEEP_BATCH = 500;

/**
 * Unpaid orders give their stock back when their payment window closes: every minute, the
 * reservations whose deadline (`payment_due_at`, set when stock was reserved) has passed are
 * released through the engine, in batches. A deadline column swept by one statement replaces a
 * delayed event per order; the sweep skips rows another worker is sweeping.
 */
@Injectable()
export class PaymentWindows {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly engine: ReservationEngine,
  ) {}

  @Scheduled({ name: 'inventory.payment-windows', cron: '* * * * *' })
  async closeDueWindows(ctx: RequestContext): Promise<void> {
    for (;;) {
      const closed = await this.unitOfWork.run(ctx, async (tx) => {
        const due = await selectRows<{ channel: string; order_id: string }>(
          tx.em,
          `SELECT channel, order_id FROM reservation
            WHERE status = 'RESERVED' AND NOT paid AND NOT shipped AND payment_due_at <= now()
            ORDER BY payment_due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [SWEEP_BATCH],
        );
        await this.engine.apply(
          tx,
          due.map((r) => ({ channel: r.channel, orderId: r.order_id, fact: 'paymentWindowClosed' as const })),
        );
        return due.length;
      });
      if (closed < SWEEP_BATCH) return;
    }
  }
}
