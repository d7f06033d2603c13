import { Module } from '@nestjs/common';
import { ChannelEventsHandler } from './channel-events.handler';
import { ChannelEventsResolver } from './channel-events.resolver';

@Module({ providers: [ChannelEventsHandler, ChannelEventsResolver] })
export class EventsModule {}
