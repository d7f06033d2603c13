/** Every deployable of the suite, with the PostgreSQL schema it owns and its default port. */
export const SERVICE_NAMES = ['gateway', 'catalog', 'inventory', 'membership', 'customer-service', 'analytics'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The five domain services; the gateway is the edge and owns only webhooks and subscriptions. */
export type DomainServiceName = Exclude<ServiceName, 'gateway'>;

export const DOMAIN_SERVICE_NAMES = SERVICE_NAMES.filter((name): name is DomainServiceName => name !== 'gateway');

export interface ServiceDescriptor {
  readonly name: ServiceName;
  /** PostgreSQL schema the service owns; no other service reads it. */
  readonly schema: string;
  readonly defaultPort: number;
}

export const SERVICES: Readonly<Record<ServiceName, ServiceDescriptor>> = {
  gateway: { name: 'gateway', schema: 'gateway', defaultPort: 4000 },
  catalog: { name: 'catalog', schema: 'catalog', defaultPort: 4001 },
  inventory: { name: 'inventory', schema: 'inventory', defaultPort: 4002 },
  membership: { name: 'membership', schema: 'membership', defaultPort: 4003 },
  'customer-service': { name: 'customer-service', schema: 'customer_service', defaultPort: 4004 },
  analytics: { name: 'analytics', schema: 'analytics', defaultPort: 4005 },
};

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}

/** The BullMQ queue a service consumes its events and timers from. */
export function eventQueueName(service: ServiceName): string {
  return `${service}-events`;
}

/** Where jobs that failed every attempt, or were malformed, are kept with their reason. */
export function deadLetterQueueName(queue: string): string {
  return `${queue}-dead`;
}
