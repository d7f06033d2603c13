import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { ChannelOrdersHandler } from './channel-orders.handler';
import { ReservationEngine } from './reservation-engine';
import { ReservationsResolver } from './reservations.resolver';
import { ReservationsService } from './reservations.service';

@Module({
  imports: [StockModule],
  providers: [ReservationEngine, ReservationsService, ReservationsResolver, ChannelOrdersHandler],
  exports: [ReservationsService, ReservationEngine],
})
export class ReservationsModule {}
