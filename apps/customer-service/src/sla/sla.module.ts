import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ConversationSlaResolver } from './conversation-sla.resolver';
import { SlaService } from './sla.service';

@Module({
  imports: [CalendarModule],
  providers: [SlaService, ConversationSlaResolver],
  exports: [SlaService],
})
export class SlaModule {}
