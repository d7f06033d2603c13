import { Module } from '@nestjs/common';
import { ReplenishmentModule } from '../replenishment/replenishment.module';
import { ForecastModule } from '../forecast/forecast.module';
import { InventoryHealthResolver } from './inventory-health.resolver';
import { InventoryHealthService } from './inventory-health.service';

@Module({ imports: [ReplenishmentModule, ForecastModule], providers: [InventoryHealthService, InventoryHealthResolver] })
export class AnalysisModule {}
