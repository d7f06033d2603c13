import { Inject, Injectable } from '@nestjs/common';
import {
  ChannelLogisticsUpdated,
  ChannelOrderShipped,
  ShipmentLate,
  type ChannelLogisticsPayload,
  type ChannelOrderPayload,
  type EventEnvelope,
} from '@shopops/contracts';
import { execute, OnEvent, Scheduled, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { StockAlerts } from '../replenishment/stock-alerts';
import { Shipment } from './shipment.model';

interface ShipmentRow {
  carrier: string;
  tracking_no: string;
  channel: string;
  order_id: string;
  location_code: string | null;
  status: string;
  shipped_at: Date;
  promised_by: Date;
  delivered_at: Date | null;
  late: boolean;
}

/** Shipments from order.shipped, tracked by logistics webhooks against the delivery promise. */
@Injectable()
export class ShipmentsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly alerts: StockAlerts,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  @OnEvent(ChannelOrderShipped)
  async recordShipment(tx: TransactionContext, event: EventEnvelope<ChannelOrderPayload>): Promise<void> {
    const { shipment, channel, orderId, occurredAt } = event.payload;
    if (!shipment) return;
    const shippedAt = new Date(occurredAt);
    await execute(
      tx.em,
      `INSERT INTO shipment (carrier, tracking_no, channel, order_id, location_code, shipped_at, promised_by)
       VALUES ($1, $2, $3, $4, $5, $6, $6::timestamptz + ($7::int * interval '1 day'))
       ON CONFLICT (carrier, tracking_no) DO NOTHING`,
      [shipment.carrier, shipment.trackingNo, channel, orderId, shipment.locationCode ?? null, shippedAt, this.config.deliveryPromiseDays],
    );
    // Tracking that came before the shipment itself was kept for this moment.
    await this.applyTracking(tx, shipment.carrier, shipment.trackingNo);
  }

  /** Logistics updates may arrive before the shipment itself: kept, and applied in time order. */
  @OnEvent(ChannelLogisticsUpdated)
  async recordTracking(tx: TransactionContext, event: EventEnvelope<ChannelLogisticsPayload>): Promise<void> {
    const update = event.payload;
    await execute(tx.em, `INSERT INTO shipment_event (carrier, tracking_no, status, at, detail) VALUES ($1, $2, $3, $4, $5)`, [
      update.carrier,
      update.trackingNo,
      update.status,
      new Date(update.at),
      update.detail ?? null,
    ]);
    await this.applyTracking(tx, update.carrier, update.trackingNo);
  }

  /**
   * Brings a shipment to its latest tracking event and its first delivery scan, whatever order
   * they came in; nothing to do while the shipment is unknown.
   */
  private async applyTracking(tx: TransactionContext, carrier: string, trackingNo: string): Promise<void> {
    await execute(
      tx.em,
      `UPDATE shipment s SET status = latest.status,
              delivered_at = coalesce(s.delivered_at, delivered.at),
              late = s.late OR coalesce(coalesce(s.delivered_at, delivered.at) > s.promised_by, false)
         FROM (SELECT status, at FROM shipment_event WHERE carrier = $1 AND tracking_no = $2 ORDER BY at DESC, id DESC LIMIT 1) latest,
              (SELECT min(at) AS at FROM shipment_event WHERE carrier = $1 AND tracking_no = $2 AND status = 'delivered') delivered
        WHERE s.carrier = $1 AND s.tracking_no = $2`,
      [carrier, trackingNo],
    );
  }

  /** Hourly: shipments past their promise and not delivered are late, once. */
  @Scheduled({ name: 'inventory.late-deliveries', cron: '7 * * * *' })
  async flagLateDeliveries(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, async (tx) => {
      const late = await selectRows<ShipmentRow>(
        tx.em,
        `WITH late AS (
           UPDATE shipment SET late = true, late_alerted_at = now()
            WHERE delivered_at IS NULL AND promised_by < now() AND late_alerted_at IS NULL RETURNING *)
         SELECT * FROM late`,
      );
      for (const s of late) {
        tx.emit(ShipmentLate, {
          carrier: s.carrier,
          trackingNo: s.tracking_no,
          channel: s.channel,
          orderId: s.order_id,
          promisedBy: s.promised_by.toISOString(),
        });
        await this.alerts.raise(tx, 'LATE_DELIVERY', null, s.location_code, { carrier: s.carrier, trackingNo: s.tracking_no, orderId: s.order_id });
      }
    });
  }

  async forOrder(channel: string, orderId: string): Promise<Shipment[]> {
    return this.withEvents(
      await selectRows<ShipmentRow>(this.dataSource, `SELECT * FROM shipment WHERE channel = $1 AND order_id = $2 ORDER BY shipped_at`, [channel, orderId]),
    );
  }

  async late(): Promise<Shipment[]> {
    return this.withEvents(await selectRows<ShipmentRow>(this.dataSource, `SELECT * FROM shipment WHERE late ORDER BY promised_by DESC LIMIT 200`));
  }

  private async withEvents(rows: ShipmentRow[]): Promise<Shipment[]> {
    if (rows.length === 0) return [];
    const events = await selectRows<{ carrier: string; tracking_no: string; status: string; at: Date; detail: string | null }>(
      this.dataSource,
      `SELECT carrier, tracking_no, status, at, detail FROM shipment_event
        WHERE (carrier, tracking_no) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY at, id`,
      [rows.map((r) => r.carrier), rows.map((r) => r.tracking_no)],
    );
    return rows.map((r) =>
      Object.assign(new Shipment(), {
        carrier: r.carrier,
        trackingNo: r.tracking_no,
        channel: r.channel,
        orderId: r.order_id,
        locationCode: r.location_code,
        status: r.status,
        shippedAt: r.shipped_at,
        promisedBy: r.promised_by,
        deliveredAt: r.delivered_at,
        late: r.late,
        events: events.filter((e) => e.carrier === r.carrier && e.tracking_no === r.tracking_no).map((e) => ({ status: e.status, at: e.at, detail: e.detail })),
      }),
    );
  }
}
