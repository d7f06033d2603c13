import type { EventDefinition } from '../events/define-event';
import { CollectionRunChanged, PromotionEnded, PromotionStarted, SkuCreated } from '../catalog/catalog.events';
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
import { QualityIssueOpened, QualityIssueRecurred, RefundIssued, ReplacementShipped, ReturnReceived } from '../customer-service/customer-service.events';
import { ChannelStockFlushDue, PaymentWindowClosed } from '../inventory/inventory.events';

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
  ChannelStockFlushDue,
  SkuCreated,
  QualityIssueOpened,
  QualityIssueRecurred,
  ReturnReceived,
  RefundIssued,
  ReplacementShipped,
  PromotionStarted,
  PromotionEnded,
  CollectionRunChanged,
  MemberCreated,
  IdentityLinked,
  MembersMerged,
  MemberErasureRequested,
];
