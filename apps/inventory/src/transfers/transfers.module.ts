import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { TransfersResolver } from './transfers.resolver';
import { TransfersService } from './transfers.service';

@Module({ imports: [StockModule], providers: [TransfersService, TransfersResolver] })
export class TransfersModule {}
