import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { InventoryHealthResolver } from './inventory-health.resolver';
import { InventoryHealthService } from './inventory-health.service';

@Module({ imports: [StockModule], providers: [InventoryHealthService, InventoryHealthResolver] })
export class AnalysisModule {}
