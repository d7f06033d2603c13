import { ChannelOrderPaid } from '../channel/channel.events';
import type { EventDefinition } from '../events/define-event';
import { ChannelStockChanged, SlowMovingStockDetected } from '../inventory/inventory.events';

/**
 * Events delivered to catalog's queue: what buyers actually paid (price honesty, bestsellers), slow stock (clearance),
 * what channels publish as sellable (the stock status search filters on).
 */
export const CATALOG_SUBSCRIPTIONS: readonly EventDefinition[] = [ChannelOrderPaid, SlowMovingStockDetected, ChannelStockChanged];
