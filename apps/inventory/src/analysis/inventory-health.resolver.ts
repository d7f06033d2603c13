import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ForecastService } from '../forecast/forecast.service';
import { ReplenishmentService } from '../replenishment/replenishment.service';
import {
  AbcRow,
  DemandForecastView,
  HealthGrouping,
  InventoryAlert,
  InventoryHealthRow,
  ReplenishmentSuggestionView,
  SlowMovingRow,
} from './inventory-health.model';
import { InventoryHealthService } from './inventory-health.service';

const ANALYSTS = ['operator', 'warehouse', 'analyst'] as const;

@Resolver()
export class InventoryHealthResolver {
  constructor(
    private readonly healthService: InventoryHealthService,
    private readonly forecastService: ForecastService,
    private readonly replenishmentService: ReplenishmentService,
    private readonly dataSource: DataSource,
  ) {}

  @Roles(...ANALYSTS)
  @Query(() => [InventoryHealthRow], { description: 'Stock value, turnover days and slow-moving share per category or location.' })
  inventoryHealth(@Args('groupBy', { type: () => HealthGrouping, defaultValue: HealthGrouping.CATEGORY }) groupBy: HealthGrouping) {
    return this.healthService.health(groupBy);
  }

  @Roles(...ANALYSTS)
  @Query(() => [AbcRow], { description: 'ABC classification by stock value (default A 60%, B 20%, C 20%).' })
  abcClassification() {
    return this.healthService.abc();
  }

  @Roles(...ANALYSTS)
  @Query(() => [SlowMovingRow], { description: '滞销: no sale for N days and more than M days of cover.' })
  slowMovingStock() {
    return this.healthService.slowMoving();
  }

  @Roles(...ANALYSTS)
  @Query(() => [SlowMovingRow], { description: 'Quarter-end clearance candidates: slow-moving stock, then the C class.' })
  clearanceCandidates() {
    return this.healthService.clearanceCandidates();
  }

  @Roles(...ANALYSTS)
  @Query(() => DemandForecastView, { description: '30-day demand forecast with weekly seasonality, and its back-test error.' })
  async demandForecast(@Args('skuCode') skuCode: string, @Args('locationCode', { type: () => String, nullable: true }) locationCode?: string): Promise<DemandForecastView> {
    const f = await this.forecastService.forecast(this.dataSource.manager, skuCode, locationCode ?? undefined);
    return { skuCode, daily: f.daily, total: f.total, weekdayIndex: f.weekdayIndex, mape: f.backTest.mape, wape: f.backTest.wape };
  }

  @Roles(...ANALYSTS)
  @Query(() => [ReplenishmentSuggestionView], { description: 'Levels under their safety stock or reorder point, with what to order.' })
  replenishmentSuggestions() {
    return this.replenishmentService.openSuggestions(this.dataSource.manager);
  }

  @Roles(...ANALYSTS)
  @Query(() => [InventoryAlert], { description: 'Low stock, overstock, slow-moving, sudden drops and late deliveries.' })
  async inventoryAlerts(@Args('open', { type: () => Boolean, defaultValue: true }) open: boolean): Promise<InventoryAlert[]> {
    const rows: Array<{ id: string; kind: string; sku_code: string | null; location_code: string | null; detail: object; raised_at: Date; resolved_at: Date | null }> =
      await this.dataSource.query(`SELECT * FROM inventory_alert WHERE ($1::bool = false OR resolved_at IS NULL) ORDER BY raised_at DESC LIMIT 500`, [open]);
    return rows.map((r) => ({ id: String(r.id), kind: r.kind, skuCode: r.sku_code, locationCode: r.location_code, detail: JSON.stringify(r.detail), raisedAt: r.raised_at, resolvedAt: r.resolved_at }));
  }
}
