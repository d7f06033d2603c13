import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { READERS } from '../roles';
import { ChannelEventCount, ChannelEventsService } from './channel-events.service';

@Resolver()
export class ChannelEventsResolver {
  constructor(private readonly channelEvents: ChannelEventsService) {}

  @Roles(...READERS)
  @Query(() => [ChannelEventCount], { description: 'How many channel events of each type were received, optionally for one subject (order id…).' })
  channelEventCounts(@Args('subject', { type: () => String, nullable: true }) subject?: string): Promise<ChannelEventCount[]> {
    return this.channelEvents.countsByType(subject);
  }
}
