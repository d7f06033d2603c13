import { Args, createUnionType, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { assertSelfOrStaff } from '../members/member-access';
import { BookEventInput, EventBooking, EventFullError, ExclusiveEvent, ExclusiveEventInput, TierNotEligibleError } from './exclusive-event.model';
import { ExclusiveEventsService } from './exclusive-events.service';

export const BookEventResult = createUnionType({
  name: 'BookEventResult',
  types: () => [EventBooking, NotFoundError, EventFullError, TierNotEligibleError] as const,
  resolveType: (v: object) => v.constructor,
});
export const CancelBookingResult = createUnionType({
  name: 'CancelBookingResult',
  types: () => [EventBooking, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});

@Resolver(() => ExclusiveEvent)
export class ExclusiveEventsResolver {
  constructor(private readonly eventsService: ExclusiveEventsService) {}

  @Roles('operator', 'cs_agent', 'member')
  @Query(() => [ExclusiveEvent], { description: 'Upcoming exclusive events with seats taken.' })
  exclusiveEvents() {
    return this.eventsService.list();
  }

  @Roles('operator')
  @Mutation(() => ExclusiveEvent, { description: 'Creates an event (designer meet-up, preview) with limited seats.' })
  createExclusiveEvent(@Ctx() ctx: RequestContext, @Args('input') input: ExclusiveEventInput) {
    return this.eventsService.create(ctx, input);
  }

  @Roles('operator', 'cs_agent', 'member')
  @Mutation(() => BookEventResult, { description: 'Books a seat; when full, joins the waitlist if asked to, else EventFullError.' })
  bookExclusiveEvent(@Ctx() ctx: RequestContext, @Args('input') input: BookEventInput) {
    assertSelfOrStaff(ctx, input.memberId);
    return this.eventsService.book(ctx, input);
  }

  @Roles('operator', 'cs_agent', 'member')
  @Mutation(() => CancelBookingResult, { description: 'Cancels a booking; the seat goes to the first on the waitlist.' })
  cancelEventBooking(@Ctx() ctx: RequestContext, @Args('eventCode') eventCode: string, @Args('memberId', { type: () => ID }) memberId: string) {
    assertSelfOrStaff(ctx, memberId);
    return this.eventsService.cancel(ctx, eventCode, memberId);
  }
}
