import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { MEMBER_READERS } from '../members/member-access';
import { Member } from '../members/member.model';
import { EventBooking } from './exclusive-event.model';
import { ExclusiveEventsService } from './exclusive-events.service';

/** A member's exclusive-event bookings, loaded for every member of a request at once. */
@Resolver(() => Member)
export class MemberBookingsFieldsResolver {
  constructor(private readonly eventsService: ExclusiveEventsService) {}

  @ResolveField()
  @Roles(...MEMBER_READERS)
  bookings(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<EventBooking[]> {
    return loaders
      .get<string, EventBooking[]>('bookingsByMember', async (ids) => groupByKey(ids, await this.eventsService.bookingsOf(ids), (b) => b.memberId))
      .load(m.id);
  }
}
