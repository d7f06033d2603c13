import { Injectable } from '@nestjs/common';
import {
  CHANNEL_ORDER_EVENTS,
  CHANNEL_REFUND_EVENTS,
  ChannelLogisticsUpdated,
  ChannelMessageReceived,
  ChannelReviewCreated,
  type EventEnvelope,
} from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { ChannelEvent } from './channel-event.entity';

type ChannelPayload = {
  channel: string;
  occurredAt: string;
  orderId?: string;
  reviewId?: string;
  conversationId?: string;
  trackingNo?: string;
};

@Injectable()
export class ChannelEventsHandler {
  /** Stores every order, refund, review, logistics and chat event for reporting. */
  @OnEvent(...CHANNEL_ORDER_EVENTS, ...CHANNEL_REFUND_EVENTS, ChannelReviewCreated, ChannelLogisticsUpdated, ChannelMessageReceived)
  async recordChannelEvent(tx: TransactionContext, event: EventEnvelope<ChannelPayload>): Promise<void> {
    const p = event.payload;
    await tx.repo(ChannelEvent).insert({
      eventId: event.id,
      type: event.type,
      channel: p.channel,
      subject: p.orderId ?? p.reviewId ?? p.conversationId ?? p.trackingNo ?? '',
      occurredAt: new Date(p.occurredAt),
      payload: { ...p },
    });
  }
}
