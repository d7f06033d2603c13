import type { EventDefinition } from '../events/define-event';

/** Events delivered to the gateway's queue (outbound webhooks subscribe here). */
export const GATEWAY_SUBSCRIPTIONS: readonly EventDefinition[] = [];
