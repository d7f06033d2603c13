import { Inject, Injectable } from '@nestjs/common';
import { StockLow } from '@shopops/contracts';
import { execute, selectRows, type Queryable, type TransactionContext } from '@shopops/platform';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import type { Movement } from '../stock/stock-ledger';
import { ReplenishmentService } from './replenishment.service';

type LevelKey = { skuCode: string; locationCode: string };

/** One alert as readers see it; `detail` is the JSON of the figures behind it. */
export interface StockAlert {
  readonly id: string;
  readonly kind: string;
  readonly skuCode: string | null;
  readonly locationCode: string | null;
  readonly detail: string;
  readonly raisedAt: Date;
  readonly resolvedAt: Date | null;
}

/**
 * Alerts raised by stock changes as they happen: a level crossing under its safety stock
 * (once per episode, with a replenishment suggestion) and sudden drops from adjustments or
 * counts (sales falling fast are flash sales, not anomalies).
 */
@Injectable()
export class StockAlerts {
  constructor(
    private readonly replenishment: ReplenishmentService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  async afterChange(
    tx: TransactionContext,
    levels: readonly LevelKey[],
    availableBefore: ReadonlyMap<string, number>,
    movements: readonly Movement[],
  ): Promise<void> {
    await this.lowStockCrossings(tx, levels);
    await this.suddenDrops(tx, availableBefore, movements);
  }

  private async lowStockCrossings(tx: TransactionContext, levels: readonly LevelKey[]): Promise<void> {
    const crossed = await selectRows<{ sku_code: string; location_code: string; available: number; safety_stock: number; low: boolean }>(
      tx.em,
      `WITH crossed AS (
         UPDATE stock_level SET low_since = CASE WHEN on_hand - reserved < safety_stock THEN now() END
          WHERE (sku_code, location_code) IN (SELECT * FROM unnest($1::text[], $2::text[]))
            AND ((safety_stock > 0 AND on_hand - reserved < safety_stock) <> (low_since IS NOT NULL))
          RETURNING sku_code, location_code, on_hand - reserved AS available, safety_stock, low_since IS NOT NULL AS low)
       SELECT * FROM crossed`,
      [levels.map((l) => l.skuCode), levels.map((l) => l.locationCode)],
    );
    for (const level of crossed) {
      if (level.low) {
        const suggestion = await this.replenishment.suggestionFor(tx.em, level.sku_code, level.location_code);
        tx.emit(StockLow, {
          skuCode: level.sku_code,
          locationCode: level.location_code,
          available: level.available,
          safetyStock: level.safety_stock,
          suggestedQuantity: suggestion.suggestedQuantity,
        });
        await this.raise(tx, 'LOW_STOCK', level.sku_code, level.location_code, { available: level.available, safetyStock: level.safety_stock, suggestion });
      } else {
        await this.resolve(tx, 'LOW_STOCK', level.sku_code, level.location_code);
      }
    }
  }

  private async suddenDrops(tx: TransactionContext, availableBefore: ReadonlyMap<string, number>, movements: readonly Movement[]): Promise<void> {
    for (const m of movements) {
      if ((m.kind !== 'ADJUSTMENT' && m.kind !== 'COUNT') || m.onHandDelta >= 0) continue;
      const before = availableBefore.get(`${m.skuCode}\u0000${m.locationCode}`) ?? 0;
      if (before >= 10 && -m.onHandDelta / before >= this.config.suddenDropShare) {
        await this.raise(tx, 'SUDDEN_DROP', m.skuCode, m.locationCode, { before, change: m.onHandDelta, reason: m.reason ?? null });
      }
    }
  }

  async raise(tx: TransactionContext, kind: string, skuCode: string | null, locationCode: string | null, detail: object): Promise<boolean> {
    const raised = await selectRows<{ id: string }>(
      tx.em,
      `INSERT INTO inventory_alert (kind, sku_code, location_code, detail) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [kind, skuCode, locationCode, JSON.stringify(detail)],
    );
    return raised.length > 0;
  }

  async resolve(tx: TransactionContext, kind: string, skuCode: string | null, locationCode: string | null): Promise<void> {
    await execute(
      tx.em,
      `UPDATE inventory_alert SET resolved_at = now()
        WHERE kind = $1 AND coalesce(sku_code, '') = coalesce($2, '') AND coalesce(location_code, '') = coalesce($3, '') AND resolved_at IS NULL`,
      [kind, skuCode, locationCode],
    );
  }

  /** Newest first; with `openOnly`, those not resolved yet. */
  async list(db: Queryable, openOnly: boolean): Promise<StockAlert[]> {
    const rows = await selectRows<{
      id: string;
      kind: string;
      sku_code: string | null;
      location_code: string | null;
      detail: object;
      raised_at: Date;
      resolved_at: Date | null;
    }>(db, `SELECT * FROM inventory_alert WHERE ($1::bool = false OR resolved_at IS NULL) ORDER BY raised_at DESC LIMIT 500`, [openOnly]);
    return rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      skuCode: r.sku_code,
      locationCode: r.location_code,
      detail: JSON.stringify(r.detail),
      raisedAt: r.raised_at,
      resolvedAt: r.resolved_at,
    }));
  }
}
