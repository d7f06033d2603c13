import { Module } from '@nestjs/common';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { BusinessCalendar } from './business-calendar';

/** The shop's business calendar, as configured, for whoever counts business time. */
@Module({
  providers: [{ provide: BusinessCalendar, inject: [CUSTOMER_SERVICE_CONFIG], useFactory: (config: CustomerServiceConfig) => config.calendar }],
  exports: [BusinessCalendar],
})
export class CalendarModule {}
