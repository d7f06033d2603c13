import { TrackedEventsReceived } from '../analytics/tracked-event';
import { ConversationOpened, ConversationResolved, RefundIssued } from '../customer-service/customer-service.events';
import { ChannelStockChanged } from '../inventory/inventory.events';
import { PromotionStarted, SkuCreated } from '../catalog/catalog.events';
import { IdentityLinked, MemberCreated, MemberDormant, MemberErasureRequested, MembersMerged, TierChanged } from '../membership/membership.events';
import type { EventDefinition } from '../events/define-event';
import { CHANNEL_ORDER_EVENTS, CHANNEL_REFUND_EVENTS, ChannelLogisticsUpdated, ChannelMessageReceived, ChannelReviewCreated } from '../channel/channel.events';

/** Events delivered to analytics' queue. */
export const ANALYTICS_SUBSCRIPTIONS: readonly EventDefinition[] = [
  ...CHANNEL_ORDER_EVENTS,
  ...CHANNEL_REFUND_EVENTS,
  ChannelReviewCreated,
  ChannelLogisticsUpdated,
  ChannelMessageReceived,
  TrackedEventsReceived,
  ConversationOpened,
  ConversationResolved,
  RefundIssued,
  ChannelStockChanged,
  PromotionStarted,
  MemberCreated,
  IdentityLinked,
  MembersMerged,
  MemberDormant,
  TierChanged,
  MemberErasureRequested,
  SkuCreated,
];
