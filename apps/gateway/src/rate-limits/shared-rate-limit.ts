import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { QueueRegistry } from '@shopops/platform';

/** Where every gateway replica counts requests, so N replicas allow the limit once, not N times. */
export type SharedRateLimitStore = Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'skipOnError'>;

export function sharedRateLimitStore(queues: QueueRegistry): SharedRateLimitStore {
  return {
    redis: queues.redis(),
    // The queue prefix keeps deployments (and test runs) sharing a Redis apart.
    nameSpace: `${queues.prefix}:rate-limit:`,
    // Redis being away must not take GraphQL down with it; the limit resumes when it is back.
    skipOnError: true,
  };
}
