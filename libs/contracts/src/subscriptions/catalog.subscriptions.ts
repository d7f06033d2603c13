import { ChannelOrderPaid } from '../channel/channel.events';
import type { EventDefinition } from '../events/define-event';

/** Events delivered to catalog's queue: what buyers actually paid (price honesty, bestsellers). */
export const CATALOG_SUBSCRIPTIONS: readonly EventDefinition[] = [ChannelOrderPaid];
