import { Injectable, Logger } from '@nestjs/common';
import type { TrackedEvent } from '@shopops/contracts';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { SHOP_TIME_ZONE, visitorOf, type ClientEvents, type EventStore } from './event-store';

const MONTH = /^\d{4}-\d{2}$/;

/** Monthly partitions of tracked_event, named tracked_event_YYYY_MM. */
export function partitionFor(month: string): { name: string; from: string; to: string } {
  if (!MONTH.test(month)) throw new Error(`not a month: ${month}`);
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { name: `tracked_event_${month.replace('-', '_')}`, from: `${month}-01`, to: `${next}-01` };
}

@Injectable()
export class PostgresEventStore implements EventStore {
  private readonly logger = new Logger(PostgresEventStore.name);
  private readonly partitions = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement per transaction: the ids not seen before are claimed in seen_event and only
   * their rows are inserted, from parallel arrays (no per-event statements, no JSON to unpack).
   */
  async append(tx: TransactionContext, batches: readonly ClientEvents[]): Promise<TrackedEvent[]> {
    // The first of several same-id events in this transaction; the gateway already de-duplicates within a batch.
    const firsts = new Map<string, { event: TrackedEvent; clientId: string }>();
    for (const batch of batches)
      for (const event of batch.events) if (!firsts.has(event.eventId)) firsts.set(event.eventId, { event, clientId: batch.clientId });
    if (!firsts.size) return [];
    const rows = [...firsts.values()];
    const events = rows.map((r) => r.event);
    await this.ensurePartitions(events.map((e) => shopMonth(e.occurredAt)));
    const fresh = await selectRows<{ event_id: string }>(
      tx.em,
      `WITH e AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                              $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::bigint[], $17::int[], $18::text[], $19::text[], $20::jsonb[], $21::text[])
           AS e(event_id, type, occurred_at, visitor_id, member_id, session_id, channel, device, source, campaign, referrer, sku_code, product_code, query, order_id,
                amount_fen, quantity, experiment_key, experiment_variant, properties, client_id)),
       fresh AS (INSERT INTO seen_event (event_id) SELECT event_id FROM e ON CONFLICT DO NOTHING RETURNING event_id)
       INSERT INTO tracked_event (event_id, type, occurred_at, day, visitor_id, member_id, session_id, channel, device, source, campaign, referrer, sku_code, product_code,
                                  query, order_id, amount_fen, quantity, experiment_key, experiment_variant, properties, client_id)
       SELECT e.event_id, e.type, e.occurred_at, (e.occurred_at AT TIME ZONE '${SHOP_TIME_ZONE}')::date, e.visitor_id, e.member_id, e.session_id, e.channel, e.device, e.source,
              e.campaign, e.referrer, e.sku_code, e.product_code, e.query, e.order_id, e.amount_fen, e.quantity, e.experiment_key, e.experiment_variant, e.properties, e.client_id
         FROM e JOIN fresh USING (event_id)
       RETURNING event_id`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.occurredAt),
        events.map(visitorOf),
        events.map((e) => e.memberId ?? null),
        events.map((e) => e.sessionId ?? null),
        events.map((e) => e.channel),
        events.map((e) => e.device),
        events.map((e) => e.source),
        events.map((e) => e.campaign ?? null),
        events.map((e) => e.referrer ?? null),
        events.map((e) => e.skuCode ?? null),
        events.map((e) => e.productCode ?? null),
        events.map((e) => e.query ?? null),
        events.map((e) => e.orderId ?? null),
        events.map((e) => e.amountFen ?? null),
        events.map((e) => e.quantity ?? null),
        events.map((e) => e.experiment?.key ?? null),
        events.map((e) => e.experiment?.variant ?? null),
        events.map((e) => (e.properties === undefined || e.properties === null ? null : JSON.stringify(e.properties))),
        rows.map((r) => r.clientId),
      ],
    );
    if (fresh.length === events.length) return events;
    const stored = new Set(fresh.map((r) => r.event_id));
    return events.filter((e) => stored.has(e.eventId));
  }

  /**
   * Creates missing monthly partitions on a connection of their own (DDL must not abort the
   * caller's transaction). If a month already has rows in the default partition, they stay there.
   */
  async ensurePartitions(months: readonly string[]): Promise<void> {
    for (const month of new Set(months)) {
      if (this.partitions.has(month)) continue;
      const p = partitionFor(month);
      try {
        await execute(this.dataSource, `CREATE TABLE IF NOT EXISTS ${p.name} PARTITION OF tracked_event FOR VALUES FROM ('${p.from}') TO ('${p.to}')`);
        this.partitions.add(month);
      } catch (error) {
        this.logger.warn(`partition ${p.name} not created (its rows stay in the default partition): ${(error as Error).message}`);
        this.partitions.add(month);
      }
    }
  }
}

/** YYYY-MM of an instant in the shop's calendar (UTC+8, no daylight saving). */
export function shopMonth(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);
}
