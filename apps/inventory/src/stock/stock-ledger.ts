import { Injectable } from '@nestjs/common';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { StockAlerts } from '../replenishment/stock-alerts';
import type { MovementKind } from './stock-movement.entity';

export interface Movement {
  readonly skuCode: string;
  readonly locationCode: string;
  readonly kind: MovementKind;
  /** Change to on hand. */
  readonly onHandDelta: number;
  /** Change to reserved. */
  readonly reservedDelta: number;
  readonly reason?: string | null;
  /** What caused it: `order:taobao:TB…`, `po:PO-1001`, `transfer:…`. */
  readonly reference?: string | null;
}

export interface LockedLevel {
  readonly skuCode: string;
  readonly locationCode: string;
  onHand: number;
  reserved: number;
}

export const levelKey = (skuCode: string, locationCode: string): string => `${skuCode}\u0000${locationCode}`;

/** Follows every stock change inside its transaction, after the alerts (channel quantities do). */
export interface StockChangeFollower {
  afterChange(tx: TransactionContext, skuCodes: readonly string[]): Promise<void>;
}

interface LevelDelta {
  readonly skuCode: string;
  readonly locationCode: string;
  onHand: number;
  reserved: number;
}

/**
 * Every change to stock goes through here: levels and the append-only ledger change together,
 * then channel quantities and alerts follow. Callers lock the levels they decide on first.
 */
@Injectable()
export class StockLedger {
  private readonly followers: StockChangeFollower[] = [];

  constructor(private readonly alerts: StockAlerts) {}

  /** Registered once at start by a folder that follows stock, so stock depends on none of them. */
  follow(follower: StockChangeFollower): void {
    this.followers.push(follower);
  }

  /** Locks every level of these SKUs (sorted, so concurrent lockers never deadlock). */
  async lockLevels(tx: TransactionContext, skuCodes: readonly string[]): Promise<Map<string, LockedLevel>> {
    const rows = await selectRows<{ sku_code: string; location_code: string; on_hand: number; reserved: number }>(
      tx.em,
      `SELECT sku_code, location_code, on_hand, reserved FROM stock_level
        WHERE sku_code = ANY($1::text[]) ORDER BY sku_code, location_code FOR UPDATE`,
      [[...new Set(skuCodes)].sort()],
    );
    return new Map(
      rows.map((r) => [levelKey(r.sku_code, r.location_code), { skuCode: r.sku_code, locationCode: r.location_code, onHand: r.on_hand, reserved: r.reserved }]),
    );
  }

  /** Deltas on existing levels; a check constraint failure here means a caller skipped its lock. */
  private async applyDeltas(tx: TransactionContext, rows: LevelDelta[], sold: (r: LevelDelta) => boolean): Promise<void> {
    if (rows.length === 0) return;
    await execute(
      tx.em,
      `UPDATE stock_level AS s
          SET on_hand = s.on_hand + d.on_hand, reserved = s.reserved + d.reserved,
              last_sale_at = CASE WHEN d.sold THEN now() ELSE s.last_sale_at END, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::bool[]) AS d(sku_code, location_code, on_hand, reserved, sold)
        WHERE s.sku_code = d.sku_code AND s.location_code = d.location_code`,
      [rows.map((r) => r.skuCode), rows.map((r) => r.locationCode), rows.map((r) => r.onHand), rows.map((r) => r.reserved), rows.map(sold)],
    );
  }

  /**
   * First stock at a location. The deltas are the whole level; a concurrent first receipt makes
   * this an update instead (the candidate row is checked as a row, so it must be valid alone).
   */
  private async insertLevels(tx: TransactionContext, rows: LevelDelta[], sold: (r: LevelDelta) => boolean): Promise<void> {
    if (rows.length === 0) return;
    await execute(
      tx.em,
      `INSERT INTO stock_level (sku_code, location_code, on_hand, reserved, last_sale_at)
       SELECT d.sku_code, d.location_code, d.on_hand, d.reserved, CASE WHEN d.sold THEN now() END
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::bool[]) AS d(sku_code, location_code, on_hand, reserved, sold)
       ON CONFLICT (sku_code, location_code) DO UPDATE
         SET on_hand = stock_level.on_hand + EXCLUDED.on_hand, reserved = stock_level.reserved + EXCLUDED.reserved,
             last_sale_at = coalesce(EXCLUDED.last_sale_at, stock_level.last_sale_at), updated_at = now()`,
      [rows.map((r) => r.skuCode), rows.map((r) => r.locationCode), rows.map((r) => r.onHand), rows.map((r) => r.reserved), rows.map(sold)],
    );
  }

  async record(tx: TransactionContext, movements: readonly Movement[]): Promise<void> {
    const effective = movements.filter((m) => m.onHandDelta !== 0 || m.reservedDelta !== 0);
    if (effective.length === 0) return;
    const deltas = new Map<string, LevelDelta>();
    for (const m of effective) {
      const key = levelKey(m.skuCode, m.locationCode);
      const delta = deltas.get(key) ?? { skuCode: m.skuCode, locationCode: m.locationCode, onHand: 0, reserved: 0 };
      delta.onHand += m.onHandDelta;
      delta.reserved += m.reservedDelta;
      deltas.set(key, delta);
    }
    const rows = [...deltas.values()];
    const before = await selectRows<{ sku_code: string; location_code: string; available: number }>(
      tx.em,
      `SELECT sku_code, location_code, on_hand - reserved AS available FROM stock_level
        WHERE (sku_code, location_code) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [rows.map((r) => r.skuCode), rows.map((r) => r.locationCode)],
    );
    const existing = new Set(before.map((b) => levelKey(b.sku_code, b.location_code)));
    const sold = (r: { skuCode: string; locationCode: string }) =>
      effective.some((m) => m.kind === 'SHIPMENT' && levelKey(m.skuCode, m.locationCode) === levelKey(r.skuCode, r.locationCode));
    await this.applyDeltas(
      tx,
      rows.filter((r) => existing.has(levelKey(r.skuCode, r.locationCode))),
      sold,
    );
    await this.insertLevels(
      tx,
      rows.filter((r) => !existing.has(levelKey(r.skuCode, r.locationCode))),
      sold,
    );
    await execute(
      tx.em,
      `INSERT INTO stock_movement (sku_code, location_code, kind, on_hand_delta, reserved_delta, reason, reference, actor)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[])`,
      [
        effective.map((m) => m.skuCode),
        effective.map((m) => m.locationCode),
        effective.map((m) => m.kind),
        effective.map((m) => m.onHandDelta),
        effective.map((m) => m.reservedDelta),
        effective.map((m) => m.reason ?? null),
        effective.map((m) => m.reference ?? null),
        effective.map(() => tx.identity.subject),
      ],
    );
    const availableBefore = new Map(before.map((b) => [levelKey(b.sku_code, b.location_code), b.available]));
    await this.alerts.afterChange(tx, rows, availableBefore, effective);
    const skuCodes = [...new Set(rows.map((r) => r.skuCode))];
    for (const follower of this.followers) await follower.afterChange(tx, skuCodes);
  }
}
