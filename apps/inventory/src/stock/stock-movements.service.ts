import { Injectable } from '@nestjs/common';
import { execute, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { StockMovement } from './stock-movement.entity';

export interface LedgerDifference {
  skuCode: string;
  locationCode: string;
  onHand: number;
  ledgerOnHand: number;
  reserved: number;
  ledgerReserved: number;
}

/** The movement ledger as readers see it, and levels checked against it or rebuilt from it. */
@Injectable()
export class StockMovementsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  /** Newest first; `first` kept between 1 and 500. */
  movements(skuCode: string, locationCode: string | undefined, first: number): Promise<StockMovement[]> {
    return this.dataSource.getRepository(StockMovement).find({
      where: { skuCode, ...(locationCode ? { locationCode } : {}) },
      order: { id: 'DESC' },
      take: Math.min(Math.max(first, 1), 500),
    });
  }

  /** Levels recomputed from the ledger, and where they differ from the stored ones. */
  async ledgerDifferences(): Promise<LedgerDifference[]> {
    const rows = await selectRows<{
      sku_code: string;
      location_code: string;
      on_hand: number;
      reserved: number;
      ledger_on_hand: number;
      ledger_reserved: number;
    }>(
      this.dataSource,
      `SELECT coalesce(l.sku_code, m.sku_code) AS sku_code, coalesce(l.location_code, m.location_code) AS location_code,
              coalesce(l.on_hand, 0) AS on_hand, coalesce(l.reserved, 0) AS reserved,
              coalesce(m.on_hand, 0)::int AS ledger_on_hand, coalesce(m.reserved, 0)::int AS ledger_reserved
         FROM stock_level l
         FULL JOIN (SELECT sku_code, location_code, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                      FROM stock_movement GROUP BY sku_code, location_code) m
           ON m.sku_code = l.sku_code AND m.location_code = l.location_code
        WHERE coalesce(l.on_hand, 0) <> coalesce(m.on_hand, 0) OR coalesce(l.reserved, 0) <> coalesce(m.reserved, 0)
        ORDER BY 1, 2`,
    );
    return rows.map((r) => ({
      skuCode: r.sku_code,
      locationCode: r.location_code,
      onHand: r.on_hand,
      reserved: r.reserved,
      ledgerOnHand: r.ledger_on_hand,
      ledgerReserved: r.ledger_reserved,
    }));
  }

  /** Rebuilds levels from the ledger; with apply=false only reports what would change. */
  async rebuildLevels(ctx: RequestContext, apply: boolean): Promise<LedgerDifference[]> {
    const differences = await this.ledgerDifferences();
    if (!apply || differences.length === 0) return differences;
    await this.unitOfWork.run(ctx, async (tx) => {
      await execute(
        tx.em,
        `INSERT INTO stock_level (sku_code, location_code, on_hand, reserved)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])
         ON CONFLICT (sku_code, location_code) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, updated_at = now()`,
        [
          differences.map((d) => d.skuCode),
          differences.map((d) => d.locationCode),
          differences.map((d) => d.ledgerOnHand),
          differences.map((d) => d.ledgerReserved),
        ],
      );
    });
    return differences;
  }
}
