import type { EventDefinition } from '../events/define-event';
import { ChannelMessageReceived, ChannelReviewCreated } from '../channel/channel.events';

/** Events delivered to customer-service's queue. */
export const CUSTOMER_SERVICE_SUBSCRIPTIONS: readonly EventDefinition[] = [ChannelReviewCreated, ChannelMessageReceived];
