import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { ChannelStockResolver } from './channel-stock.resolver';
import { ChannelStockService } from './channel-stock.service';
import { ChannelStockSync } from './channel-stock-sync';

/** Channel quantities follow the stock ledger: this folder depends on stock, not the other way round. */
@Module({ imports: [StockModule], providers: [ChannelStockSync, ChannelStockService, ChannelStockResolver] })
export class ChannelSyncModule {}
