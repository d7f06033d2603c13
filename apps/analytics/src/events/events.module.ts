import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { KpisModule } from '../kpis/kpis.module';
import { ChannelEventsHandler } from './channel-events.handler';
import { ChannelEventsResolver } from './channel-events.resolver';
import { ChannelEventsService } from './channel-events.service';
import { OperationsHandler } from './operations.handler';

@Module({ imports: [KpisModule, ExperimentsModule], providers: [ChannelEventsHandler, OperationsHandler, ChannelEventsService, ChannelEventsResolver] })
export class EventsModule {}
