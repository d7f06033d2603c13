import { SUBSCRIPTIONS, type EventDefinition, type ServiceName } from '@shopops/contracts';

/** Which service's queue receives which events; injectable so tests can route their own events. */
export type SubscriptionTable = Readonly<Partial<Record<ServiceName, readonly EventDefinition[]>>>;
export const EVENT_SUBSCRIPTIONS = Symbol('EVENT_SUBSCRIPTIONS');
export const DEFAULT_SUBSCRIPTIONS: SubscriptionTable = SUBSCRIPTIONS;

/** The subscription table turned around: event type → services whose queues receive it. */
export function routingIndex(table: SubscriptionTable): ReadonlyMap<string, readonly ServiceName[]> {
  const index = new Map<string, ServiceName[]>();
  for (const [service, definitions] of Object.entries(table) as [ServiceName, readonly EventDefinition[]][]) {
    for (const { type } of definitions) {
      const services = index.get(type) ?? [];
      if (!services.includes(service)) services.push(service);
      index.set(type, services);
    }
  }
  return index;
}
