import { Injectable } from '@nestjs/common';
import { NotFoundError, UnitOfWork, refuse, type RequestContext } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import { Location } from '../locations/location.entity';
import { KnownSku } from '../skus/known-sku.entity';
import type { ReceiveStockInput } from './dto/receive-stock.input';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

export interface StockTotals {
  skuCode: string;
  onHand: number;
  reserved: number;
  available: number;
}

@Injectable()
export class StockService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  /** Adds received units at a location and records the receipt in the ledger. */
  receiveStock(ctx: RequestContext, input: ReceiveStockInput): Promise<StockLevel | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [sku, location] = await Promise.all([
        tx.repo(KnownSku).findOneBy({ skuCode: input.skuCode }),
        tx.repo(Location).findOneBy({ code: input.locationCode }),
      ]);
      if (!sku) refuse(NotFoundError.of('SKU', input.skuCode));
      if (!location) refuse(NotFoundError.of('Location', input.locationCode));
      const [row] = await tx.em.query(
        `INSERT INTO stock_level (sku_code, location_code, on_hand) VALUES ($1, $2, $3)
         ON CONFLICT (sku_code, location_code) DO UPDATE
           SET on_hand = stock_level.on_hand + EXCLUDED.on_hand, updated_at = now()
         RETURNING sku_code, location_code`,
        [input.skuCode, input.locationCode, input.quantity],
      );
      await tx.repo(StockMovement).insert({
        skuCode: input.skuCode,
        locationCode: input.locationCode,
        kind: 'RECEIPT',
        onHandDelta: input.quantity,
        reservedDelta: 0,
        reason: input.reason ?? null,
        reference: null,
        actor: ctx.identity.subject,
      });
      return tx.repo(StockLevel).findOneByOrFail({ skuCode: row.sku_code, locationCode: row.location_code });
    });
  }

  /** On hand, reserved and available summed over every location, per SKU code. */
  async totalsFor(skuCodes: readonly string[]): Promise<StockTotals[]> {
    const rows: Array<{ sku_code: string; on_hand: string; reserved: string }> = await this.dataSource.query(
      `SELECT sku_code, sum(on_hand) AS on_hand, sum(reserved) AS reserved
         FROM stock_level WHERE sku_code = ANY($1::text[]) GROUP BY sku_code`,
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
    return this.dataSource.getRepository(StockLevel).find({
      where: { skuCode: In([...skuCodes]) },
      order: { skuCode: 'ASC', locationCode: 'ASC' },
    });
  }
}
