import { Injectable } from '@nestjs/common';
import type { ReservationStatus } from '@shopops/contracts';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { reservationKey, type OrderLine, type OrderUpdate, type RefundRecord, type ReservationState } from './reservation.types';

/** A row of `reservation`, as stored. */
interface ReservationRow {
  channel: string;
  order_id: string;
  status: ReservationStatus | null;
  reason: string | null;
  region: string | null;
  buyer_id: string | null;
  lines: OrderLine[];
  refunds: RefundRecord[];
  paid: boolean;
  shipped: boolean;
  completed: boolean;
  cancelled: boolean;
  refunded_before_shipping: boolean;
  payment_window_closed: boolean;
  placed_at: Date | null;
  payment_due_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface AllocationRecord {
  sku_code: string;
  location_code: string;
  quantity: number;
}

/** A reservation as last saved, with when it last changed. */
export type StoredReservation = ReservationState & { readonly updatedAt: Date };

/**
 * Reservations in the database: locked and loaded for the engine, saved back with a few
 * set-based statements, and read one at a time for the API.
 */
@Injectable()
export class ReservationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the missing reservations of a batch, then locks them all in one order. */
  async lock(tx: TransactionContext, updates: readonly OrderUpdate[]): Promise<Map<string, ReservationState>> {
    const first = new Map<string, OrderUpdate>();
    for (const u of updates) if (!first.has(reservationKey(u.channel, u.orderId))) first.set(reservationKey(u.channel, u.orderId), u);
    // Code-point order, the same in every worker (localeCompare follows each process's locale): new rows are inserted in one order everywhere.
    const keys = [...first.values()].sort((a, b) => byCodePoint(a.channel, b.channel) || byCodePoint(a.orderId, b.orderId));
    const inserted = await selectRows<{ channel: string; order_id: string }>(
      tx.em,
      `INSERT INTO reservation (channel, order_id) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT DO NOTHING RETURNING channel, order_id`,
      [keys.map((k) => k.channel), keys.map((k) => k.orderId)],
    );
    const fresh = new Set(inserted.map((r) => reservationKey(r.channel, r.order_id)));
    const rows = await selectRows<ReservationRow>(
      tx.em,
      `SELECT * FROM reservation WHERE (channel, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        ORDER BY channel, order_id FOR UPDATE`,
      [keys.map((k) => k.channel), keys.map((k) => k.orderId)],
    );
    const allocations = await selectRows<AllocationRecord & { channel: string; order_id: string }>(
      tx.em,
      `SELECT channel, order_id, sku_code, location_code, quantity FROM reservation_allocation
        WHERE (channel, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [keys.map((k) => k.channel), keys.map((k) => k.orderId)],
    );
    const allocationsOf = new Map<string, AllocationRecord[]>();
    for (const a of allocations) {
      const key = reservationKey(a.channel, a.order_id);
      allocationsOf.set(key, [...(allocationsOf.get(key) ?? []), a]);
    }
    return new Map(
      rows.map((row) => {
        const key = reservationKey(row.channel, row.order_id);
        return [key, toState(row, allocationsOf.get(key) ?? [], fresh.has(key))];
      }),
    );
  }

  async save(tx: TransactionContext, states: ReservationState[]): Promise<void> {
    await execute(
      tx.em,
      `UPDATE reservation AS r SET status = d.status, reason = d.reason, lines = d.lines, region = d.region, buyer_id = d.buyer_id,
              placed_at = d.placed_at, paid = d.paid, shipped = d.shipped, completed = d.completed, cancelled = d.cancelled,
              refunded_before_shipping = d.refunded, payment_window_closed = d.window_closed, payment_due_at = d.payment_due_at, refunds = d.refunds, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::timestamptz[],
                     $9::bool[], $10::bool[], $11::bool[], $12::bool[], $13::bool[], $14::bool[], $15::timestamptz[], $16::jsonb[])
           AS d(channel, order_id, status, reason, lines, region, buyer_id, placed_at, paid, shipped, completed, cancelled, refunded, window_closed, payment_due_at, refunds)
        WHERE r.channel = d.channel AND r.order_id = d.order_id`,
      [
        states.map((s) => s.channel),
        states.map((s) => s.orderId),
        states.map((s) => s.status ?? null),
        states.map((s) => s.reason),
        states.map((s) => JSON.stringify(s.lines)),
        states.map((s) => s.region),
        states.map((s) => s.buyerId),
        states.map((s) => s.placedAt),
        states.map((s) => s.facts.paid),
        states.map((s) => s.facts.shipped),
        states.map((s) => s.facts.completed),
        states.map((s) => s.facts.cancelled),
        states.map((s) => s.facts.refundedBeforeShipping),
        states.map((s) => s.facts.paymentWindowClosed),
        states.map((s) => s.paymentDueAt),
        states.map((s) => JSON.stringify(s.refunds)),
      ],
    );
    const changed = states.filter((s) => s.allocationsChanged);
    if (changed.length === 0) return;
    await execute(tx.em, `DELETE FROM reservation_allocation WHERE (channel, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
      changed.map((s) => s.channel),
      changed.map((s) => s.orderId),
    ]);
    const rows = changed.flatMap((s) => s.allocations.map((a) => ({ channel: s.channel, orderId: s.orderId, ...a })));
    await execute(
      tx.em,
      `INSERT INTO reservation_allocation (channel, order_id, sku_code, location_code, quantity)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])`,
      [rows.map((r) => r.channel), rows.map((r) => r.orderId), rows.map((r) => r.skuCode), rows.map((r) => r.locationCode), rows.map((r) => r.quantity)],
    );
  }

  /** Outside any transaction; allocations in SKU and location order. */
  async find(channel: string, orderId: string): Promise<StoredReservation | undefined> {
    const [row] = await selectRows<ReservationRow>(this.dataSource, `SELECT * FROM reservation WHERE channel = $1 AND order_id = $2`, [channel, orderId]);
    if (!row) return undefined;
    const allocations = await selectRows<AllocationRecord>(
      this.dataSource,
      `SELECT sku_code, location_code, quantity FROM reservation_allocation WHERE channel = $1 AND order_id = $2 ORDER BY sku_code, location_code`,
      [channel, orderId],
    );
    return { ...toState(row, allocations, false), updatedAt: row.updated_at };
  }
}

function toState(row: ReservationRow, allocations: readonly AllocationRecord[], createdNow: boolean): ReservationState {
  return {
    channel: row.channel,
    orderId: row.order_id,
    status: row.status ?? undefined,
    initialStatus: row.status ?? undefined,
    reason: row.reason,
    lines: row.lines,
    refunds: row.refunds,
    region: row.region,
    buyerId: row.buyer_id,
    placedAt: row.placed_at?.toISOString() ?? null,
    paymentDueAt: row.payment_due_at?.toISOString() ?? null,
    facts: {
      paid: row.paid,
      shipped: row.shipped,
      completed: row.completed,
      cancelled: row.cancelled,
      refundedBeforeShipping: row.refunded_before_shipping,
      paymentWindowClosed: row.payment_window_closed,
    },
    allocations: allocations.map((a) => ({ skuCode: a.sku_code, locationCode: a.location_code, quantity: a.quantity })),
    allocationsChanged: false,
    createdNow,
    createdAt: row.created_at,
  };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
