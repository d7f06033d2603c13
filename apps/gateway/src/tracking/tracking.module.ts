import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { TrackedEventsController } from './tracked-events.controller';
import { TrackedEventsRateLimit } from './tracked-events.rate-limit';
import { TrackedEventsService } from './tracked-events.service';

/** Behaviour events posted by clients, passed on to analytics through the outbox. */
@Module({ providers: [TrackedEventsService] })
export class TrackingModule {
  static forRole(role: ServiceRole): DynamicModule {
    return isApiRole(role)
      ? { module: TrackingModule, controllers: [TrackedEventsController], providers: [TrackedEventsRateLimit] }
      : { module: TrackingModule };
  }
}
