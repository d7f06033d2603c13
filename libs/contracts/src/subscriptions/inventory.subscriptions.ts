import type { EventDefinition } from '../events/define-event';
import { SkuCreated } from '../catalog/catalog.events';
import {
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelRefundCompleted,
} from '../channel/channel.events';
import { PaymentWindowClosed } from '../inventory/inventory.events';

/** Events delivered to inventory's queue. */
export const INVENTORY_SUBSCRIPTIONS: readonly EventDefinition[] = [
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelOrderCompleted,
  ChannelOrderCancelled,
  ChannelRefundCompleted,
  PaymentWindowClosed,
  SkuCreated,
];
