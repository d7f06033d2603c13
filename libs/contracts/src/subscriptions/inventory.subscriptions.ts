import type { EventDefinition } from '../events/define-event';
import { PromotionEnded, PromotionStarted, SkuCreated } from '../catalog/catalog.events';
import { IdentityLinked, MemberCreated, MemberErasureRequested, MembersMerged } from '../membership/membership.events';
import {
  ChannelLogisticsUpdated,
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelRefundCompleted,
} from '../channel/channel.events';
import { QualityIssueOpened, QualityIssueRecurred, ReturnReceived } from '../customer-service/customer-service.events';
import { PaymentWindowClosed } from '../inventory/inventory.events';

/** Events delivered to inventory's queue. */
export const INVENTORY_SUBSCRIPTIONS: readonly EventDefinition[] = [
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelOrderCompleted,
  ChannelOrderCancelled,
  ChannelRefundCompleted,
  ChannelLogisticsUpdated,
  PaymentWindowClosed,
  SkuCreated,
  QualityIssueOpened,
  QualityIssueRecurred,
  ReturnReceived,
  PromotionStarted,
  PromotionEnded,
  MemberCreated,
  IdentityLinked,
  MembersMerged,
  MemberErasureRequested,
];
