import { Module } from '@nestjs/common';
import { ReservationsModule } from '../reservations/reservations.module';
import { StockModule } from '../stock/stock.module';
import { AfterSalesGoodsHandler } from './after-sales-goods.handler';

@Module({
  imports: [StockModule, ReservationsModule],
  providers: [AfterSalesGoodsHandler],
})
export class AfterSalesModule {}
