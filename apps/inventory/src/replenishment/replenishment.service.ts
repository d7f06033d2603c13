import { Inject, Injectable } from '@nestjs/common';
import { selectRow, selectRows } from '@shopops/platform';
import type { EntityManager } from 'typeorm';
import type { AbcClass } from '../analysis/abc';
import { classifyStockByValue } from '../analysis/abc-classes';
import { replenishmentQuantity } from '../forecast/demand-forecast';
import { ForecastService } from '../forecast/forecast.service';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { chooseSupplier, classPlan, plannedDailyDemand, type ReplenishmentPolicy } from './class-policy';

export interface ReplenishmentSuggestion {
  readonly skuCode: string;
  readonly locationCode: string;
  readonly available: number;
  readonly safetyStock: number;
  readonly reorderPoint: number;
  readonly onOrder: number;
  readonly dailyDemand: number;
  readonly leadTimeDays: number;
  readonly moq: number;
  readonly supplierCode: string | null;
  /** The SKU's ABC class by stock value (null without stock value) and the policy it sets. */
  readonly abcClass: AbcClass | null;
  readonly policy: ReplenishmentPolicy;
  readonly coverDays: number;
  readonly suggestedQuantity: number;
}

/** Without a supplier link, assume a two-week lead time and no minimum. */
const DEFAULT_LEAD_TIME_DAYS = 14;

/** How much to order for a stock level: forecast over lead time and cover, net of stock and open POs. */
@Injectable()
export class ReplenishmentService {
  constructor(
    private readonly forecasts: ForecastService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  /** What to order for one level; `classes` saves classifying the whole range again when the caller has it. */
  async suggestionFor(em: EntityManager, skuCode: string, locationCode: string, classes?: ReadonlyMap<string, AbcClass>): Promise<ReplenishmentSuggestion> {
    const level = await selectRow<{ available: number; safety_stock: number; reorder_point: number }>(
      em,
      `SELECT on_hand - reserved AS available, safety_stock, reorder_point FROM stock_level WHERE sku_code = $1 AND location_code = $2`,
      [skuCode, locationCode],
    );
    const links = await selectRows<{ supplier_code: string; lead_time_days: number; moq: number; backupOrder: number }>(
      em,
      `SELECT supplier_code, lead_time_days, moq, backup_order AS "backupOrder" FROM sku_supplier WHERE sku_code = $1 ORDER BY backup_order`,
      [skuCode],
    );
    const onOrder = await selectRow<{ on_order: number }>(
      em,
      `SELECT coalesce(sum(l.quantity_ordered - l.quantity_received), 0)::int AS on_order
         FROM purchase_order_line l JOIN purchase_order p ON p.id = l.purchase_order_id
        WHERE l.sku_code = $1 AND p.location_code = $2 AND p.status IN ('SENT', 'CONFIRMED', 'PARTLY_RECEIVED')`,
      [skuCode, locationCode],
    );
    const abcClass = (classes ?? (await this.classes(em))).get(skuCode) ?? null;
    const plan = classPlan(abcClass, this.config);
    const supplier = chooseSupplier(links, plan);
    const forecast = await this.forecasts.forecast(em, skuCode, locationCode);
    const input = {
      dailyDemand: plannedDailyDemand(plan, forecast.level),
      leadTimeDays: supplier?.lead_time_days ?? DEFAULT_LEAD_TIME_DAYS,
      coverDays: plan.coverDays,
      safetyStock: level?.safety_stock ?? 0,
      available: level?.available ?? 0,
      onOrder: onOrder?.on_order ?? 0,
      moq: supplier?.moq ?? 1,
    };
    return {
      skuCode,
      locationCode,
      available: input.available,
      safetyStock: input.safetyStock,
      reorderPoint: level?.reorder_point ?? 0,
      onOrder: input.onOrder,
      dailyDemand: Math.round(forecast.level * 100) / 100,
      leadTimeDays: input.leadTimeDays,
      moq: input.moq,
      supplierCode: supplier?.supplier_code ?? null,
      abcClass,
      policy: plan.policy,
      coverDays: plan.coverDays,
      suggestedQuantity: replenishmentQuantity(input),
    };
  }

  /** ABC classes of the SKUs that have stock value; the others have no class. */
  async classes(em: EntityManager): Promise<Map<string, AbcClass>> {
    const valued = await classifyStockByValue(em, this.config.abc, this.config.defaultCostShare);
    return new Map(valued.filter((v) => v.value > 0).map((v) => [v.skuCode, v.abcClass]));
  }

  /** Every level at or under its reorder point or safety stock, with what to order. */
  async openSuggestions(em: EntityManager): Promise<ReplenishmentSuggestion[]> {
    const low = await selectRows<{ sku_code: string; location_code: string }>(
      em,
      `SELECT sku_code, location_code FROM stock_level
        WHERE (safety_stock > 0 AND on_hand - reserved < safety_stock) OR (reorder_point > 0 AND on_hand - reserved <= reorder_point)
        ORDER BY sku_code, location_code LIMIT 500`,
    );
    const classes = await this.classes(em);
    const suggestions: ReplenishmentSuggestion[] = [];
    for (const row of low) suggestions.push(await this.suggestionFor(em, row.sku_code, row.location_code, classes));
    return suggestions;
  }
}
