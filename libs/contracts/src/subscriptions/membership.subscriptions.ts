import type { EventDefinition } from '../events/define-event';
import {
  ChannelMessageReceived,
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelRefundCompleted,
  ChannelReviewCreated,
} from '../channel/channel.events';
import { RefundIssued } from '../customer-service/customer-service.events';
import { TrackedEventsReceived } from '../analytics/tracked-event';
import { ERASURE_CONFIRMATIONS } from '../membership/membership.events';
import { ProductCreated, ProductUpdated, SkuCreated } from '../catalog/catalog.events';

/** Events delivered to membership's queue. */
export const MEMBERSHIP_SUBSCRIPTIONS: readonly EventDefinition[] = [
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelOrderCompleted,
  ChannelOrderCancelled,
  ChannelRefundCompleted,
  ChannelReviewCreated,
  ChannelMessageReceived,
  RefundIssued,
  TrackedEventsReceived,
  ProductCreated,
  ProductUpdated,
  SkuCreated,
  ...Object.values(ERASURE_CONFIRMATIONS),
];
