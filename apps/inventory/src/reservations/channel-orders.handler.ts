import { Injectable } from '@nestjs/common';
import {
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelRefundCompleted,
  PaymentWindowClosed,
  type ChannelOrderPayload,
  type ChannelRefundPayload,
  type EventEnvelope,
  type PaymentWindowClosedPayload,
} from '@shopops/contracts';
import { OnEventBatch, type TransactionContext } from '@shopops/platform';
import { ReservationEngine } from './reservation-engine';
import type { OrderFact, OrderUpdate } from './reservation.types';

const FACT_OF: Readonly<Record<string, OrderFact>> = {
  [ChannelOrderCreated.type]: 'created',
  [ChannelOrderPaid.type]: 'paid',
  [ChannelOrderShipped.type]: 'shipped',
  [ChannelOrderCompleted.type]: 'completed',
  [ChannelOrderCancelled.type]: 'cancelled',
  [ChannelRefundCompleted.type]: 'refunded',
  [PaymentWindowClosed.type]: 'paymentWindowClosed',
};

type OrderEventPayload = ChannelOrderPayload | ChannelRefundPayload | PaymentWindowClosedPayload;

/**
 * Channel orders from every marketplace and the own mall reserve from one stock pool. Every
 * event carries the order, so whichever arrives first sets it up; the engine converges on the
 * same reservation whatever the order of arrival. Batched: a burst shares one transaction.
 */
@Injectable()
export class ChannelOrdersHandler {
  constructor(private readonly engine: ReservationEngine) {}

  @OnEventBatch(
    ChannelOrderCreated,
    ChannelOrderPaid,
    ChannelOrderShipped,
    ChannelOrderCompleted,
    ChannelOrderCancelled,
    ChannelRefundCompleted,
    PaymentWindowClosed,
  )
  async applyOrderEvents(tx: TransactionContext, events: Array<EventEnvelope<OrderEventPayload>>): Promise<void> {
    await this.engine.apply(tx, events.map(toUpdate));
  }
}

function toUpdate(event: EventEnvelope<OrderEventPayload>): OrderUpdate {
  const payload = event.payload;
  const fact = FACT_OF[event.type];
  if ('refundId' in payload) {
    // The refund's lines are what was refunded, not the order: they never set the order's lines.
    const lines = payload.lines.map((l) => ({ skuCode: l.skuCode, quantity: l.quantity }));
    return { channel: payload.channel, orderId: payload.orderId, fact, refund: { refundId: payload.refundId, lines } };
  }
  if (!('lines' in payload)) return { channel: payload.channel, orderId: payload.orderId, fact };
  const order = payload;
  return {
    channel: order.channel,
    orderId: order.orderId,
    fact,
    lines: order.lines.map((l) => ({ skuCode: l.skuCode, quantity: l.quantity, unitPriceFen: l.unitPriceFen })),
    ...(order.region ? { region: order.region } : {}),
    ...(order.buyer ? { buyerId: order.buyer.platformUserId } : {}),
    ...(order.placedAt ? { placedAt: order.placedAt } : {}),
  };
}
