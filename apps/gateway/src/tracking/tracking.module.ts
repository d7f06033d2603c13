import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { TrackedEventsController } from './tracked-events.controller';
import { TrackedEventsService } from './tracked-events.service';

/** Behaviour events posted by clients, passed on to analytics through the outbox. */
@Module({ providers: [TrackedEventsService] })
export class TrackingModule {
  static forRole(role: ServiceRole): DynamicModule {
    // The rate limit is the controller's guard: Nest makes it with the controller, in the api role only.
    return { module: TrackingModule, controllers: isApiRole(role) ? [TrackedEventsController] : [] };
  }
}
