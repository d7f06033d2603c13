import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ConversationSlaResolver } from './conversation-sla.resolver';
import { DeadlineWatch } from './deadline-watch';
import { SlaClocks } from './sla-clocks';
import { SlaService } from './sla.service';

@Module({
  imports: [CalendarModule],
  providers: [SlaService, SlaClocks, ConversationSlaResolver, DeadlineWatch],
  exports: [SlaService, SlaClocks],
})
export class SlaModule {}
