import type { EventDefinition } from '../events/define-event';
import { OUTBOUND_EVENTS, OutboundDeliveryDue } from '../gateway/gateway.events';
import { MemberErasureRequested } from '../membership/membership.events';

/** Events delivered to the gateway's queue: what integrators subscribe to, its own timers, and erasures. */
export const GATEWAY_SUBSCRIPTIONS: readonly EventDefinition[] = [...OUTBOUND_EVENTS, OutboundDeliveryDue, MemberErasureRequested];
