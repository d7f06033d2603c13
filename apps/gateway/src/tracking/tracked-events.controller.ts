import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { STAFF_ROLES } from '@shopops/contracts';
import { BearerAuth, Ctx, Roles, RouteBody, type RequestContext } from '@shopops/platform';
import { TrackedEventsRateLimit } from './tracked-events.rate-limit';
import { TrackedEventsService, type TrackingAnswer } from './tracked-events.service';

/** Room for 1,000 events with their properties. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * POST /events: a signed-in client (any staff-issued token; the token's subject is the client
 * id) posts up to 1,000 behaviour events. Each event is checked on its own by the service, so
 * the body is taken as it came rather than through a DTO that would refuse the whole batch.
 */
@Controller('events')
@BearerAuth({ signIn: 'POST /events needs a client bearer token' })
// Clients are staff-issued tokens; a member's token is a shopper's, not a client's.
@Roles(...STAFF_ROLES)
@UseGuards(TrackedEventsRateLimit)
export class TrackedEventsController {
  constructor(private readonly tracking: TrackedEventsService) {}

  @Post()
  @HttpCode(202)
  @RouteBody({ maxBytes: MAX_BATCH_BYTES })
  async postEvents(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<TrackingAnswer> {
    return this.tracking.accept(ctx, body);
  }
}
