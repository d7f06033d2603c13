import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForecastService } from '../forecast/forecast.service';
import { ReplenishmentService, type ReplenishmentSuggestion } from '../replenishment/replenishment.service';
import { StockAlerts, type StockAlert } from '../replenishment/stock-alerts';
import type { DemandForecastView } from './inventory-health.model';

/** Forecasts, replenishment suggestions and alerts for the analysis API, read outside any transaction. */
@Injectable()
export class InventoryPlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly forecasts: ForecastService,
    private readonly replenishment: ReplenishmentService,
    private readonly alerts: StockAlerts,
  ) {}

  async demandForecast(skuCode: string, locationCode?: string): Promise<DemandForecastView> {
    const f = await this.forecasts.forecast(this.dataSource.manager, skuCode, locationCode);
    return { skuCode, daily: f.daily, total: f.total, weekdayIndex: f.weekdayIndex, mape: f.backTest.mape, wape: f.backTest.wape };
  }

  replenishmentSuggestions(): Promise<ReplenishmentSuggestion[]> {
    return this.replenishment.openSuggestions(this.dataSource.manager);
  }

  inventoryAlerts(openOnly: boolean): Promise<StockAlert[]> {
    return this.alerts.list(this.dataSource, openOnly);
  }
}
