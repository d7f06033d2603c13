import type { EventDefinition } from '../events/define-event';
import { OUTBOUND_EVENTS, OutboundDeliveryDue } from '../gateway/gateway.events';

/** Events delivered to the gateway's queue: what integrators subscribe to, and its own timers. */
export const GATEWAY_SUBSCRIPTIONS: readonly EventDefinition[] = [...OUTBOUND_EVENTS, OutboundDeliveryDue];
