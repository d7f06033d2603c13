import type { ServiceName } from '../services';

/** What travels on a queue: one event with the facts needed to trace and de-duplicate it. */
export interface EventEnvelope<T = unknown> {
  /** Unique per event; consumers record it in their inbox so a redelivery has no second effect. */
  readonly id: string;
  readonly type: string;
  readonly producer: ServiceName;
  /** ISO 8601, UTC. */
  readonly occurredAt: string;
  /** The request that caused it, followed across queues for logs. */
  readonly requestId?: string;
  readonly payload: T;
}
