import { Module } from '@nestjs/common';
import { ReplenishmentModule } from '../replenishment/replenishment.module';
import { SkuStockFieldsResolver } from './sku-stock-fields.resolver';
import { StockLedger } from './stock-ledger';
import { StockMovementsService } from './stock-movements.service';
import { StockResolver } from './stock.resolver';
import { StockService } from './stock.service';

/** Levels and their ledger; every change also raises stock alerts, and followers (channel sync) register with the ledger. */
@Module({
  imports: [ReplenishmentModule],
  providers: [StockService, StockMovementsService, StockLedger, SkuStockFieldsResolver, StockResolver],
  exports: [StockLedger],
})
export class StockModule {}
