import { Inject, Injectable } from '@nestjs/common';
import { SlowMovingStockDetected } from '@shopops/contracts';
import { Scheduled, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { StockAlerts } from '../replenishment/stock-alerts';
import { classifyStockByValue } from './abc-classes';
import { planSlowStockTransfers, type SlowStockTransfer } from './slow-stock-sharing';
import { coverDays, isOverstocked, isSlowMoving, type LevelPace } from './stock-health';
import { HealthGrouping, type AbcRow, type InventoryHealthRow, type SlowMovingRow } from './inventory-health.model';

interface LevelFacts {
  sku_code: string;
  location_code: string;
  category_code: string | null;
  on_hand: number;
  available: number;
  unit_cost: number;
  sold_30d: number;
  days_since_sale: number | null;
}

/** Stock value, ABC, turnover and slow-moving stock, computed from levels, costs and the ledger. */
@Injectable()
export class InventoryHealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly alerts: StockAlerts,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  async abc(): Promise<AbcRow[]> {
    return (await classifyStockByValue(this.dataSource, this.config.abc, this.config.defaultCostShare)).map((r) => ({
      skuCode: r.skuCode,
      categoryCode: r.categoryCode,
      stockValueFen: r.value,
      cumulativeShare: Math.round(r.cumulativeShare * 10_000) / 10_000,
      abcClass: r.abcClass,
    }));
  }

  async health(groupBy: HealthGrouping): Promise<InventoryHealthRow[]> {
    const groups = new Map<string, { units: number; value: number; soldValue: number; slowValue: number }>();
    for (const f of await this.facts()) {
      const key = groupBy === HealthGrouping.CATEGORY ? (f.category_code ?? 'UNCATEGORISED') : f.location_code;
      const g = groups.get(key) ?? { units: 0, value: 0, soldValue: 0, slowValue: 0 };
      g.units += f.on_hand;
      g.value += f.on_hand * f.unit_cost;
      g.soldValue += f.sold_30d * f.unit_cost;
      if (this.isSlow(f)) g.slowValue += f.on_hand * f.unit_cost;
      groups.set(key, g);
    }
    return [...groups.entries()]
      .map(([group, g]) => ({
        group,
        units: g.units,
        stockValueFen: g.value,
        turnoverDays: g.soldValue > 0 ? Math.round((g.value / (g.soldValue / 30)) * 10) / 10 : null,
        slowMovingShare: g.value > 0 ? Math.round((g.slowValue / g.value) * 10_000) / 10_000 : 0,
      }))
      .sort((a, b) => b.stockValueFen - a.stockValueFen);
  }

  async slowMoving(): Promise<SlowMovingRow[]> {
    const classes = new Map((await this.abc()).map((r) => [r.skuCode, r.abcClass]));
    return (await this.facts())
      .filter((f) => this.isSlow(f))
      .map((f) => toStockRow(f, classes.get(f.sku_code) ?? null))
      .sort((a, b) => b.stockValueFen - a.stockValueFen);
  }

  /** Quarter-end clearance: slow-moving stock first, then the C class, by value. */
  async clearanceCandidates(): Promise<SlowMovingRow[]> {
    const slow = await this.slowMoving();
    const slowKeys = new Set(slow.map((s) => s.skuCode));
    const cClass = (await this.abc()).filter((r) => r.abcClass === 'C' && r.stockValueFen > 0 && !slowKeys.has(r.skuCode));
    const facts = await this.facts();
    const extra = cClass.flatMap((r) => facts.filter((f) => f.sku_code === r.skuCode && f.on_hand > 0).map((f) => toStockRow(f, 'C')));
    return [...slow, ...extra];
  }

  /** Slow stock offered to the locations that sell the same SKU (sharing slow stock between shops). */
  async slowStockTransfers(): Promise<SlowStockTransfer[]> {
    const levels = (await this.facts()).map((f) => ({
      skuCode: f.sku_code,
      locationCode: f.location_code,
      available: f.available,
      sold30d: f.sold_30d,
      slow: this.isSlow(f),
    }));
    return planSlowStockTransfers(levels, this.config.slowStockShareCoverDays);
  }

  /** Daily: slow-moving and overstock alerts, raised once per episode and resolved when over. */
  @Scheduled({ name: 'inventory.stock-health-scan', cron: '30 2 * * *' })
  async scanStockHealth(ctx: RequestContext): Promise<void> {
    const facts = await this.facts();
    await this.unitOfWork.run(ctx, async (tx) => {
      for (const f of facts) {
        const cover = coverDays(pace(f));
        if (this.isSlow(f)) {
          const raised = await this.alerts.raise(tx, 'SLOW_MOVING', f.sku_code, f.location_code, {
            onHand: f.on_hand,
            daysSinceLastSale: f.days_since_sale,
            coverDays: cover,
          });
          if (raised) {
            tx.emit(SlowMovingStockDetected, {
              skuCode: f.sku_code,
              onHand: f.on_hand,
              ...(f.days_since_sale !== null ? { daysSinceLastSale: f.days_since_sale } : {}),
              ...(cover !== null ? { coverDays: cover } : {}),
            });
          }
        } else {
          await this.alerts.resolve(tx, 'SLOW_MOVING', f.sku_code, f.location_code);
        }
        if (isOverstocked(pace(f), this.config.replenishment)) {
          await this.alerts.raise(tx, 'OVERSTOCK', f.sku_code, f.location_code, { onHand: f.on_hand, coverDays: cover });
        } else {
          await this.alerts.resolve(tx, 'OVERSTOCK', f.sku_code, f.location_code);
        }
      }
    });
  }

  private isSlow(f: LevelFacts): boolean {
    return isSlowMoving(pace(f), this.config.replenishment);
  }

  /** Per level: category, cost (primary supplier's, else a share of list price), 30-day sales, days since a sale (or since stocked). */
  private facts(): Promise<LevelFacts[]> {
    return selectRows<LevelFacts>(
      this.dataSource,
      `WITH sold AS (
         SELECT sku_code, location_code, sum(-on_hand_delta)::int AS units FROM stock_movement
          WHERE kind = 'SHIPMENT' AND created_at > now() - interval '30 days' GROUP BY 1, 2)
       SELECT l.sku_code, l.location_code, k.category_code, l.on_hand, l.on_hand - l.reserved AS available,
              coalesce((SELECT unit_cost_fen FROM sku_supplier s WHERE s.sku_code = l.sku_code ORDER BY backup_order LIMIT 1),
                       round(k.list_price_fen * $1::numeric))::int AS unit_cost,
              coalesce(sold.units, 0) AS sold_30d,
              floor(extract(epoch FROM now() - coalesce(l.last_sale_at,
                (SELECT m.created_at FROM stock_movement m WHERE m.sku_code = l.sku_code AND m.location_code = l.location_code ORDER BY m.id LIMIT 1))) / 86400)::int AS days_since_sale
         FROM stock_level l JOIN known_sku k ON k.sku_code = l.sku_code
         LEFT JOIN sold ON sold.sku_code = l.sku_code AND sold.location_code = l.location_code`,
      [this.config.defaultCostShare],
    );
  }
}

function toStockRow(f: LevelFacts, abcClass: SlowMovingRow['abcClass']): SlowMovingRow {
  return {
    skuCode: f.sku_code,
    locationCode: f.location_code,
    onHand: f.on_hand,
    stockValueFen: f.on_hand * f.unit_cost,
    daysSinceLastSale: f.days_since_sale,
    coverDays: coverDays(pace(f)),
    abcClass,
  };
}

function pace(f: LevelFacts): LevelPace {
  return { onHand: f.on_hand, sold30d: f.sold_30d, daysSinceSale: f.days_since_sale };
}
