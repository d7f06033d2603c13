import { Injectable } from '@nestjs/common';
import { ChannelOrderPaid, type ChannelOrderPayload, type EventEnvelope } from '@shopops/contracts';
import { execute, OnEventBatch, selectRows, type TransactionContext } from '@shopops/platform';
import { SHOP_TIME_ZONE } from '../pricing/price-honesty';

/**
 * What buyers actually paid, per SKU and shop day (Asia/Shanghai), from paid orders on every channel: the lowest
 * price charged (price honesty) and units sold (bestsellers). Each order counts once.
 */
@Injectable()
export class SalesHandler {
  @OnEventBatch(ChannelOrderPaid)
  async recordSales(tx: TransactionContext, events: Array<EventEnvelope<ChannelOrderPayload>>): Promise<void> {
    // Keys in one order (and rows grouped in SQL in one order) so concurrent batches never deadlock.
    const keys = [...new Set(events.map((e) => `${e.payload.channel}\u0000${e.payload.orderId}`))].sort().map((k) => k.split('\u0000'));
    const fresh = await selectRows<{ channel: string; order_id: string }>(
      tx.em,
      `INSERT INTO counted_order (channel, order_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING channel, order_id`,
      [keys.map(([channel]) => channel), keys.map(([, orderId]) => orderId)],
    );
    const counted = new Set(fresh.map((r) => `${r.channel}:${r.order_id}`));
    const lines = events
      .filter((e) => counted.delete(`${e.payload.channel}:${e.payload.orderId}`))
      .flatMap((e) => e.payload.lines.map((l) => ({ sku: l.skuCode, at: e.payload.occurredAt, units: l.quantity, price: l.unitPriceFen })));
    if (!lines.length) return;
    await execute(
      tx.em,
      `INSERT INTO sku_sale (sku_code, day, units, lowest_unit_price_fen)
       SELECT sku, day, sum(units)::int, min(price)
         FROM (SELECT sku, (at AT TIME ZONE $5)::date AS day, units, price FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[]) AS t(sku, at, units, price)) t
        GROUP BY sku, day ORDER BY sku, day
       ON CONFLICT (sku_code, day) DO UPDATE SET units = sku_sale.units + EXCLUDED.units, lowest_unit_price_fen = least(sku_sale.lowest_unit_price_fen, EXCLUDED.lowest_unit_price_fen)`,
      [lines.map((l) => l.sku), lines.map((l) => l.at), lines.map((l) => l.units), lines.map((l) => l.price), SHOP_TIME_ZONE],
    );
  }
}
