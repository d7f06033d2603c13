import { Module } from '@nestjs/common';
import { ReplenishmentModule } from '../replenishment/replenishment.module';
import { SkuStockResolver } from './sku-stock.resolver';
import { StockLedger } from './stock-ledger';
import { StockResolver } from './stock.resolver';
import { StockService } from './stock.service';

/** Levels and their ledger; every change also raises stock alerts, and followers (channel sync) register with the ledger. */
@Module({
  imports: [ReplenishmentModule],
  providers: [StockService, StockLedger, SkuStockResolver, StockResolver],
  exports: [StockService, StockLedger],
})
export class StockModule {}
