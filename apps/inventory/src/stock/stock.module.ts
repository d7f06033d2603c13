import { Module } from '@nestjs/common';
import { ChannelStockSync } from '../channel-sync/channel-stock-sync';
import { ForecastService } from '../forecast/forecast.service';
import { ReplenishmentService } from '../replenishment/replenishment.service';
import { StockAlerts } from '../replenishment/stock-alerts';
import { SkuStockResolver } from './sku-stock.resolver';
import { StockLedger } from './stock-ledger';
import { StockResolver } from './stock.resolver';
import { StockService } from './stock.service';

@Module({
  providers: [StockService, StockLedger, ChannelStockSync, StockAlerts, ReplenishmentService, ForecastService, SkuStockResolver, StockResolver],
  exports: [StockService, StockLedger, ChannelStockSync, StockAlerts, ReplenishmentService, ForecastService],
})
export class StockModule {}
