import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { StockModule } from '../stock/stock.module';
import { ChannelOrdersHandler } from './channel-orders.handler';
import { PaymentWindows } from './payment-windows';
import { ReservationEngine } from './reservation-engine';
import { ReservationStore } from './reservation-store';
import { ReservationsResolver } from './reservations.resolver';
import { ReservationsService } from './reservations.service';
import { StockAdmission } from './stock-admission';

@Module({
  imports: [StockModule, RoutingModule],
  providers: [ReservationStore, ReservationEngine, ReservationsService, StockAdmission, ReservationsResolver, ChannelOrdersHandler, PaymentWindows],
  exports: [ReservationEngine],
})
export class ReservationsModule {}
