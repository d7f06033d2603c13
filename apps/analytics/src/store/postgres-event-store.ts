import { Injectable, Logger } from '@nestjs/common';
import type { TrackedEvent } from '@shopops/contracts';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { SHOP_TIME_ZONE, visitorOf, type EventStore } from './event-store';

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

  async append(tx: TransactionContext, clientId: string, events: readonly TrackedEvent[]): Promise<TrackedEvent[]> {
    if (!events.length) return [];
    const fresh = await selectRows<{ event_id: string }>(
      tx.em,
      `INSERT INTO seen_event (event_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [events.map((e) => e.eventId)],
    );
    const freshIds = new Set(fresh.map((r) => r.event_id));
    const stored = events.filter((e) => freshIds.has(e.eventId));
    if (!stored.length) return [];
    await this.ensurePartitions(stored.map((e) => shopMonth(e.occurredAt)));
    await execute(
      tx.em,
      `INSERT INTO tracked_event (event_id, type, occurred_at, day, visitor_id, member_id, session_id, channel, device, source, campaign, referrer, sku_code, product_code,
                                  query, order_id, amount_fen, quantity, experiment_key, experiment_variant, properties, client_id)
       SELECT e.event_id, e.type, e.occurred_at, (e.occurred_at AT TIME ZONE '${SHOP_TIME_ZONE}')::date, e.visitor_id, e.member_id, e.session_id, e.channel, e.device, e.source,
              e.campaign, e.referrer, e.sku_code, e.product_code, e.query, e.order_id, e.amount_fen, e.quantity, e.experiment_key, e.experiment_variant, e.properties, $2
         FROM jsonb_to_recordset($1::jsonb) AS e(event_id text, type text, occurred_at timestamptz, visitor_id text, member_id text, session_id text, channel text, device text,
              source text, campaign text, referrer text, sku_code text, product_code text, query text, order_id text, amount_fen bigint, quantity integer,
              experiment_key text, experiment_variant text, properties jsonb)`,
      [
        JSON.stringify(
          stored.map((e) => ({
            event_id: e.eventId,
            type: e.type,
            occurred_at: e.occurredAt,
            visitor_id: visitorOf(e),
            member_id: e.memberId ?? null,
            session_id: e.sessionId ?? null,
            channel: e.channel,
            device: e.device,
            source: e.source,
            campaign: e.campaign ?? null,
            referrer: e.referrer ?? null,
            sku_code: e.skuCode ?? null,
            product_code: e.productCode ?? null,
            query: e.query ?? null,
            order_id: e.orderId ?? null,
            amount_fen: e.amountFen ?? null,
            quantity: e.quantity ?? null,
            experiment_key: e.experiment?.key ?? null,
            experiment_variant: e.experiment?.variant ?? null,
            properties: e.properties ?? null,
          })),
        ),
        clientId,
      ],
    );
    return stored;
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
