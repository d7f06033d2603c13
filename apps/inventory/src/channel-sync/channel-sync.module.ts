import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { ChannelStockResolver } from './channel-stock.resolver';

@Module({ imports: [StockModule], providers: [ChannelStockResolver] })
export class ChannelSyncModule {}
