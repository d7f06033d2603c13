import type { EventDefinition } from '../events/define-event';
import type { ServiceName } from '../services';
import { ANALYTICS_SUBSCRIPTIONS } from './analytics.subscriptions';
import { CATALOG_SUBSCRIPTIONS } from './catalog.subscriptions';
import { CUSTOMER_SERVICE_SUBSCRIPTIONS } from './customer-service.subscriptions';
import { GATEWAY_SUBSCRIPTIONS } from './gateway.subscriptions';
import { INVENTORY_SUBSCRIPTIONS } from './inventory.subscriptions';
import { MEMBERSHIP_SUBSCRIPTIONS } from './membership.subscriptions';

/**
 * The routing table of the suite: which service's queue receives which event types.
 * Each consumer owns its own list; the outbox relay of every producer reads this table.
 */
export const SUBSCRIPTIONS: Readonly<Record<ServiceName, readonly EventDefinition[]>> = {
  gateway: GATEWAY_SUBSCRIPTIONS,
  catalog: CATALOG_SUBSCRIPTIONS,
  inventory: INVENTORY_SUBSCRIPTIONS,
  membership: MEMBERSHIP_SUBSCRIPTIONS,
  'customer-service': CUSTOMER_SERVICE_SUBSCRIPTIONS,
  analytics: ANALYTICS_SUBSCRIPTIONS,
};

const subscribersByType = new Map<string, ServiceName[]>();
for (const [service, definitions] of Object.entries(SUBSCRIPTIONS) as [ServiceName, readonly EventDefinition[]][]) {
  for (const definition of definitions) {
    const list = subscribersByType.get(definition.type) ?? [];
    if (!list.includes(service)) list.push(service);
    subscribersByType.set(definition.type, list);
  }
}

/** The services whose queues receive an event type. */
export function subscribersOf(type: string): readonly ServiceName[] {
  return subscribersByType.get(type) ?? [];
}
