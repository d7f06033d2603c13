import { SkuCreated } from '../catalog/catalog.events';
import type { EventDefinition } from '../events/define-event';
import {
  ChannelLogisticsUpdated,
  ChannelMessageReceived,
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelReviewCreated,
} from '../channel/channel.events';
import { IdentityLinked, MemberCreated, MemberErasureRequested, MembersMerged, TierChanged } from '../membership/membership.events';

/** Events delivered to customer-service's queue. */
export const CUSTOMER_SERVICE_SUBSCRIPTIONS: readonly EventDefinition[] = [
  ChannelReviewCreated,
  ChannelMessageReceived,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelOrderCompleted,
  ChannelOrderCancelled,
  ChannelLogisticsUpdated,
  MemberCreated,
  IdentityLinked,
  MembersMerged,
  TierChanged,
  MemberErasureRequested,
  SkuCreated,
];
