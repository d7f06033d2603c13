import { Module } from '@nestjs/common';
import { SkuStockResolver } from './sku-stock.resolver';
import { StockService } from './stock.service';

@Module({ providers: [StockService, SkuStockResolver], exports: [StockService] })
export class StockModule {}
