import { Module } from '@nestjs/common';
import { ForecastModule } from '../forecast/forecast.module';
import { ReplenishmentModule } from '../replenishment/replenishment.module';
import { InventoryHealthResolver } from './inventory-health.resolver';
import { InventoryHealthService } from './inventory-health.service';
import { InventoryPlanningService } from './inventory-planning.service';

@Module({ imports: [ReplenishmentModule, ForecastModule], providers: [InventoryHealthService, InventoryPlanningService, InventoryHealthResolver] })
export class AnalysisModule {}
