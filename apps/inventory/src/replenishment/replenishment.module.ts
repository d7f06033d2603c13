import { Module } from '@nestjs/common';
import { ForecastModule } from '../forecast/forecast.module';
import { ReplenishmentService } from './replenishment.service';
import { StockAlerts } from './stock-alerts';

@Module({ imports: [ForecastModule], providers: [ReplenishmentService, StockAlerts], exports: [ReplenishmentService, StockAlerts] })
export class ReplenishmentModule {}
