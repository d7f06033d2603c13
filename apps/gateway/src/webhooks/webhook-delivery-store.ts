import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { outboxChannel, PLATFORM_CONFIG, selectRows, withOutboxInsertSpans, type PlatformConfig } from '@shopops/platform';
import { DataSource } from 'typeorm';
import type { MappedWebhook } from './webhook-adapters';

/** A delivery that passed every check, its buyer sealed: what one row of a group commit stores. */
export interface AcceptedDelivery {
  readonly requestId: string;
  /** The request span's traceparent while tracing is on: the event carries it to the consumers. */
  readonly trace?: string;
  readonly source: string;
  readonly webhookId: string;
  readonly mapped: MappedWebhook;
  readonly body: string;
  readonly buyerRef: string | null;
}

/** Per delivery, in order: whether it was new (stored with its event) or a webhook id seen before. */
export type StoreOutcome = 'stored' | 'duplicate';

/**
 * One statement stores a whole group: the deliveries, then an outbox event for each one that was
 * new, then a wake-up for the relay. A single statement commits on its own (autocommit), all or
 * nothing, so a group costs one round trip instead of BEGIN, two INSERTs and COMMIT.
 * Of several deliveries with the same id in one group only the first is new (lowest ordinal).
 */
const STORE_GROUP = `
  WITH delivery AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::jsonb[], $10::text[], $12::text[])
      WITH ORDINALITY AS d(source, webhook_id, type, occurred_at, body, buyer_ref, event_id, event_type, payload, request_id, traceparent, ordinal)
  ), stored AS (
    INSERT INTO webhook_delivery (source, webhook_id, type, occurred_at, body, buyer_ref)
    SELECT source, webhook_id, type, occurred_at, body, buyer_ref FROM delivery ORDER BY ordinal
    ON CONFLICT (source, webhook_id) DO NOTHING
    RETURNING source, webhook_id
  ), first_of_each AS (
    SELECT DISTINCT ON (d.source, d.webhook_id) d.ordinal, d.event_id, d.event_type, d.payload, d.request_id, d.traceparent
      FROM delivery d JOIN stored s ON s.source = d.source AND s.webhook_id = d.webhook_id
     ORDER BY d.source, d.webhook_id, d.ordinal
  ), emitted AS (
    INSERT INTO outbox (event_id, type, payload, request_id, occurred_at, traceparent)
    SELECT event_id, event_type, payload, request_id, now(), traceparent FROM first_of_each ORDER BY ordinal
    RETURNING 1
  ), woken AS (
    SELECT pg_notify($11, '') FROM (SELECT 1 FROM emitted LIMIT 1) AS any_emitted
  )
  SELECT f.ordinal::int AS ordinal FROM first_of_each f LEFT JOIN woken ON true`;

@Injectable()
export class WebhookDeliveryStore {
  private readonly notifyChannel: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) platform: PlatformConfig,
  ) {
    this.notifyChannel = outboxChannel(platform.service.schema);
  }

  /** Stores the group in one statement; throws (nothing stored) when the statement fails. */
  async storeGroup(deliveries: readonly AcceptedDelivery[]): Promise<StoreOutcome[]> {
    const events = deliveries.map((d) => ({ id: randomUUID(), type: d.mapped.event.type, ...(d.trace ? { traceparent: d.trace } : {}) }));
    const rows = await withOutboxInsertSpans(events, (traceparents) =>
      selectRows<{ ordinal: number }>(this.dataSource, STORE_GROUP, [
        deliveries.map((d) => d.source),
        deliveries.map((d) => d.webhookId),
        deliveries.map((d) => d.mapped.type),
        deliveries.map((d) => d.mapped.occurredAt),
        deliveries.map((d) => d.body),
        deliveries.map((d) => d.buyerRef),
        events.map((e) => e.id),
        events.map((e) => e.type),
        // mapWebhook validated the data and set the rest itself: no second validation pass.
        deliveries.map((d) => JSON.stringify(d.mapped.payload)),
        deliveries.map((d) => d.requestId),
        this.notifyChannel,
        traceparents,
      ]),
    );
    const fresh = new Set(rows.map((row) => row.ordinal));
    return deliveries.map((_, index) => (fresh.has(index + 1) ? 'stored' : 'duplicate'));
  }
}
