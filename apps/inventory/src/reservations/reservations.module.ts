import { FlashSalesHandler } from '../flash-sales/flash-sales.handler';
import { FlashSalesResolver } from '../flash-sales/flash-sales.resolver';
import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { ChannelOrdersHandler } from './channel-orders.handler';
import { ReservationEngine } from './reservation-engine';
import { ReservationsResolver } from './reservations.resolver';
import { ReservationsService } from './reservations.service';

@Module({
  imports: [StockModule],
  providers: [ReservationEngine, ReservationsService, ReservationsResolver, ChannelOrdersHandler, FlashSalesHandler, FlashSalesResolver],
  exports: [ReservationsService, ReservationEngine],
})
export class ReservationsModule {}
