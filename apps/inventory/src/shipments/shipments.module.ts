import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { ShipmentsResolver } from './shipments.resolver';
import { ShipmentsService } from './shipments.service';

@Module({ imports: [StockModule], providers: [ShipmentsService, ShipmentsResolver] })
export class ShipmentsModule {}
