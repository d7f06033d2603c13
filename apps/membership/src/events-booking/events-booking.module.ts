import { Module } from '@nestjs/common';
import { TiersModule } from '../tiers/tiers.module';
import { ExclusiveEventsResolver } from './exclusive-events.resolver';
import { ExclusiveEventsService } from './exclusive-events.service';
import { MemberBookingsFieldsResolver } from './member-bookings-fields.resolver';

@Module({
  imports: [TiersModule],
  providers: [ExclusiveEventsService, ExclusiveEventsResolver, MemberBookingsFieldsResolver],
})
export class EventsBookingModule {}
