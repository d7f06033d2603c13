import { Injectable } from '@nestjs/common';
import { execute, NotFoundError, refuse, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import { Location } from '../locations/location.entity';
import { StockAlerts } from '../replenishment/stock-alerts';
import { KnownSku } from '../skus/known-sku.entity';
import type { ReceiveStockInput } from './dto/receive-stock.input';
import type { AdjustStockInput, RecordStockCountInput, SetStockPolicyInput } from './dto/stock-ops.input';
import { BelowReservedError } from './stock-errors';
import { levelKey, StockLedger } from './stock-ledger';
import { StockLevel } from './stock-level.entity';

export interface StockTotals {
  skuCode: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** Receipts, adjustments, counts and stock policies: every change recorded in the ledger. */
@Injectable()
export class StockService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly ledger: StockLedger,
    private readonly alerts: StockAlerts,
  ) {}

  receiveStock(ctx: RequestContext, input: ReceiveStockInput): Promise<StockLevel | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireSkuAndLocation(tx, input.skuCode, input.locationCode);
      await this.ledger.record(tx, [
        {
          skuCode: input.skuCode,
          locationCode: input.locationCode,
          kind: 'RECEIPT',
          onHandDelta: input.quantity,
          reservedDelta: 0,
          reason: input.reason ?? null,
        },
      ]);
      return this.level(tx, input.skuCode, input.locationCode);
    });
  }

  adjustStock(ctx: RequestContext, input: AdjustStockInput): Promise<StockLevel | NotFoundError | BelowReservedError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireSkuAndLocation(tx, input.skuCode, input.locationCode);
      const level = (await this.ledger.lockLevels(tx, [input.skuCode])).get(levelKey(input.skuCode, input.locationCode));
      const onHand = level?.onHand ?? 0;
      const reserved = level?.reserved ?? 0;
      if (onHand + input.delta < reserved) refuse(BelowReservedError.of(input.skuCode, input.locationCode, onHand, reserved, `Adjusting by ${input.delta}`));
      await this.ledger.record(tx, [
        { skuCode: input.skuCode, locationCode: input.locationCode, kind: 'ADJUSTMENT', onHandDelta: input.delta, reservedDelta: 0, reason: input.reason },
      ]);
      return this.level(tx, input.skuCode, input.locationCode);
    });
  }

  /** A stock count sets on hand to what was counted; the difference is the movement. */
  recordCount(ctx: RequestContext, input: RecordStockCountInput): Promise<StockLevel | NotFoundError | BelowReservedError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireSkuAndLocation(tx, input.skuCode, input.locationCode);
      const level = (await this.ledger.lockLevels(tx, [input.skuCode])).get(levelKey(input.skuCode, input.locationCode));
      const onHand = level?.onHand ?? 0;
      const reserved = level?.reserved ?? 0;
      if (input.counted < reserved) refuse(BelowReservedError.of(input.skuCode, input.locationCode, onHand, reserved, `A count of ${input.counted}`));
      await this.ledger.record(tx, [
        {
          skuCode: input.skuCode,
          locationCode: input.locationCode,
          kind: 'COUNT',
          onHandDelta: input.counted - onHand,
          reservedDelta: 0,
          reason: input.reason ?? 'stock count',
        },
      ]);
      return this.level(tx, input.skuCode, input.locationCode);
    });
  }

  setStockPolicy(ctx: RequestContext, input: SetStockPolicyInput): Promise<StockLevel | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireSkuAndLocation(tx, input.skuCode, input.locationCode);
      await execute(
        tx.em,
        `INSERT INTO stock_level (sku_code, location_code, safety_stock, reorder_point) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sku_code, location_code) DO UPDATE SET safety_stock = EXCLUDED.safety_stock, reorder_point = EXCLUDED.reorder_point, updated_at = now()`,
        [input.skuCode, input.locationCode, input.safetyStock, input.reorderPoint],
      );
      await this.alerts.afterChange(tx, [{ skuCode: input.skuCode, locationCode: input.locationCode }], new Map(), []);
      return this.level(tx, input.skuCode, input.locationCode);
    });
  }

  /** On hand, reserved and available summed over every location, per SKU code. */
  async totalsFor(skuCodes: readonly string[]): Promise<StockTotals[]> {
    const rows = await selectRows<{ sku_code: string; on_hand: string; reserved: string }>(
      this.dataSource,
      `SELECT sku_code, sum(on_hand) AS on_hand, sum(reserved) AS reserved FROM stock_level WHERE sku_code = ANY($1::text[]) GROUP BY sku_code`,
      [skuCodes],
    );
    return rows.map((r) => ({
      skuCode: r.sku_code,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      available: Number(r.on_hand) - Number(r.reserved),
    }));
  }

  levelsFor(skuCodes: readonly string[]): Promise<StockLevel[]> {
    return this.dataSource.getRepository(StockLevel).find({ where: { skuCode: In([...skuCodes]) }, order: { skuCode: 'ASC', locationCode: 'ASC' } });
  }

  private async requireSkuAndLocation(tx: TransactionContext, skuCode: string, locationCode: string): Promise<void> {
    const [sku, location] = await Promise.all([tx.repo(KnownSku).existsBy({ skuCode }), tx.repo(Location).existsBy({ code: locationCode })]);
    if (!sku) refuse(NotFoundError.of('SKU', skuCode));
    if (!location) refuse(NotFoundError.of('Location', locationCode));
  }

  private level(tx: TransactionContext, skuCode: string, locationCode: string): Promise<StockLevel> {
    return tx.repo(StockLevel).findOneByOrFail({ skuCode, locationCode });
  }
}
