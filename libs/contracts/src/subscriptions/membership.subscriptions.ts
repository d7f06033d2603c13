import type { EventDefinition } from '../events/define-event';
import { CHANNEL_ORDER_EVENTS, ChannelMessageReceived, ChannelReviewCreated } from '../channel/channel.events';

/** Events delivered to membership's queue. */
export const MEMBERSHIP_SUBSCRIPTIONS: readonly EventDefinition[] = [
  ...CHANNEL_ORDER_EVENTS,
  ChannelReviewCreated,
  ChannelMessageReceived,
];
