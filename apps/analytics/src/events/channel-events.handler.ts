import { Injectable } from '@nestjs/common';
import {
  CHANNEL_ORDER_EVENTS,
  CHANNEL_REFUND_EVENTS,
  ChannelLogisticsUpdated,
  ChannelMessageReceived,
  ChannelOrderPaid,
  ChannelRefundCompleted,
  ChannelReviewCreated,
  type ChannelOrderPayload,
  type ChannelRefundPayload,
  type ChannelReviewPayload,
  type EventEnvelope,
} from '@shopops/contracts';
import { execute, OnEventBatch, type TransactionContext } from '@shopops/platform';
import { ExperimentsService } from '../experiments/experiments.service';
import { KpiRollups } from '../kpis/kpi-rollups';

type ChannelPayload = {
  channel: string;
  occurredAt: string;
  orderId?: string;
  reviewId?: string;
  conversationId?: string;
  trackingNo?: string;
  buyer?: { platformUserId: string };
  deliveryId: string;
};

/** Analytics needs no buyer PII: of the buyer only the account id is kept (pseudonymised on erasure). */
function storedPayload(payload: ChannelPayload): ChannelPayload {
  return payload.buyer ? { ...payload, buyer: { platformUserId: payload.buyer.platformUserId } } : payload;
}

@Injectable()
export class ChannelEventsHandler {
  constructor(
    private readonly rollups: KpiRollups,
    private readonly experiments: ExperimentsService,
  ) {}

  /**
   * Stores every order, refund, review, logistics and chat event once per webhook delivery (a
   * reconciliation repair re-sends them under new ids), a batch per transaction, and feeds the
   * rollups, which count each order, refund and review once by its own key.
   */
  @OnEventBatch(...CHANNEL_ORDER_EVENTS, ...CHANNEL_REFUND_EVENTS, ChannelReviewCreated, ChannelLogisticsUpdated, ChannelMessageReceived)
  async recordChannelEvents(tx: TransactionContext, events: Array<EventEnvelope<ChannelPayload>>): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO channel_event (event_id, type, channel, subject, occurred_at, payload, delivery_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::text[]) ON CONFLICT DO NOTHING`,
      [
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.payload.channel),
        events.map((e) => e.payload.orderId ?? e.payload.reviewId ?? e.payload.conversationId ?? e.payload.trackingNo ?? ''),
        events.map((e) => e.payload.occurredAt),
        events.map((e) => JSON.stringify(storedPayload(e.payload))),
        events.map((e) => e.payload.deliveryId),
      ],
    );
    for (const event of events) await this.countEvent(tx, event);
  }

  private async countEvent(tx: TransactionContext, event: EventEnvelope<ChannelPayload>): Promise<void> {
    if (event.type === ChannelOrderPaid.type) {
      const order = event.payload as unknown as ChannelOrderPayload;
      if (await this.rollups.addPaidOrder(tx, order))
        await this.experiments.recordMemberOrder(tx, order.channel, order.buyer.platformUserId, order.occurredAt, order.totalFen);
    } else if (event.type === ChannelRefundCompleted.type) await this.rollups.addRefund(tx, event.payload as unknown as ChannelRefundPayload);
    else if (event.type === ChannelReviewCreated.type) await this.rollups.addReview(tx, event.payload as unknown as ChannelReviewPayload);
  }
}
