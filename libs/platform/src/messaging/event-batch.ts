import type { EventEnvelope } from '@shopops/contracts';

/**
 * What the outbox relay puts on a consumer's queue: one job per relayed batch of outbox rows
 * (hundreds of events under load, one when idle), so a consumer commits a batch in one
 * transaction instead of paying a job, a transaction and an inbox statement per event.
 */
export const EVENT_BATCH_JOB = 'events';

export interface EventBatchData {
  readonly events: readonly EventEnvelope[];
}

/** What a handled job keeps in Redis: ids for tracing, no payload (it may name a buyer). */
export type HandledJobData = { readonly handled: true } & (
  Omit<EventEnvelope, 'payload'> | { readonly events: ReadonlyArray<Pick<EventEnvelope, 'id' | 'type' | 'requestId'>> }
);

export function isEventBatch(data: unknown): data is EventBatchData {
  return typeof data === 'object' && data !== null && Array.isArray((data as { events?: unknown }).events) && !('handled' in data);
}

/**
 * The job id of a batch: the producer and the lowest and highest outbox ids in it. Every row is
 * relayed in exactly one batch, so no two batches of a producer share both ends; a batch a queue
 * lost is published again under the same id.
 */
export function batchJobId(producer: string, outboxIds: readonly string[]): string {
  const ids = outboxIds.map((id) => BigInt(id));
  const low = ids.reduce((a, b) => (b < a ? b : a));
  const high = ids.reduce((a, b) => (b > a ? b : a));
  return `${producer}.${low}-${high}`;
}
