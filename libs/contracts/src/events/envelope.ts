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
  /**
   * W3C trace context (`traceparent`) of the span that stored the event, so the consumer's span
   * joins the trace of the request that caused it. Absent when the producer was not tracing.
   */
  readonly traceparent?: string;
  readonly payload: T;
}

// version 00, 32 hex trace id, 16 hex span id, 2 hex flags (https://www.w3.org/TR/trace-context/#traceparent-header).
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);

/** A well-formed W3C `traceparent` (version 00, ids not all zero): what an envelope may carry. */
export function isTraceparent(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = TRACEPARENT.exec(value);
  return match !== null && match[1] !== ZERO_TRACE_ID && match[2] !== ZERO_SPAN_ID;
}
