import { Inject, Injectable } from '@nestjs/common';
import { ChannelStockChanged, OUTBOUND_EVENTS, OutboundDeliveryDue, type EventEnvelope } from '@shopops/contracts';
import { OnEventBatch, selectRows, type TransactionContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { OUTBOUND_CONFIG } from './outbound.tokens';
import type { OutboundConfig } from './outbound.config';

/** Events whose deliveries coalesce while pending: a burst becomes one delivery per key. */
function coalesceKeyOf(event: EventEnvelope): string | null {
  if (event.type === ChannelStockChanged.type) {
    const { channel, skuCode } = event.payload as { channel: string; skuCode: string };
    return `${channel}:${skuCode}`;
  }
  return null;
}

/**
 * Turns subscribed events into one outbound message per interested endpoint, in the same
 * transaction as the event's inbox record, and schedules the first delivery attempt.
 */
@Injectable()
export class OutboundFanoutHandler {
  constructor(@Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig) {}

  @OnEventBatch(...OUTBOUND_EVENTS)
  async fanOut(tx: TransactionContext, events: EventEnvelope[]): Promise<void> {
    const types = [...new Set(events.map((e) => e.type))];
    const endpoints = await selectRows<{ id: string; event_types: string[] }>(
      tx.em,
      `SELECT id, event_types FROM webhook_endpoint WHERE status <> 'disabled' AND event_types && $1::text[]`,
      [types],
    );
    if (endpoints.length === 0) return;
    for (const event of events) {
      for (const endpoint of endpoints.filter((e) => e.event_types.includes(event.type))) {
        const key = coalesceKeyOf(event);
        if (key && (await this.coalesce(tx, endpoint.id, key, event))) continue;
        await this.enqueue(tx, endpoint.id, key, event);
      }
    }
  }

  /** A pending message for the same key takes this event's (newer) figure; no new delivery. */
  private async coalesce(tx: TransactionContext, endpointId: string, key: string, event: EventEnvelope): Promise<boolean> {
    const updated = await selectRows<{ id: string }>(
      tx.em,
      `WITH updated AS (
         UPDATE outbound_message SET payload = CASE WHEN occurred_at <= $4::timestamptz THEN $3::jsonb ELSE payload END,
                event_id = CASE WHEN occurred_at <= $4::timestamptz THEN $5::uuid ELSE event_id END,
                occurred_at = greatest(occurred_at, $4::timestamptz)
          WHERE endpoint_id = $1 AND coalesce_key = $2 AND status = 'pending' RETURNING id)
       SELECT id FROM updated`,
      [endpointId, key, JSON.stringify(event.payload), event.occurredAt, event.id],
    );
    return updated.length > 0;
  }

  private async enqueue(tx: TransactionContext, endpointId: string, key: string | null, event: EventEnvelope): Promise<void> {
    const id = randomUUID();
    const inserted = await selectRows<{ id: string }>(
      tx.em,
      `INSERT INTO outbound_message (id, endpoint_id, event_id, event_type, payload, occurred_at, coalesce_key, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') ON CONFLICT DO NOTHING RETURNING id`,
      [id, endpointId, event.id, event.type, JSON.stringify(event.payload), event.occurredAt, key],
    );
    if (inserted.length === 0) return;
    tx.emit(OutboundDeliveryDue, { messageId: id }, key ? { delayMs: this.config.coalesceMs } : {});
  }
}
