import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { AdminSignInController } from './admin-sign-in.controller';

/** The admins' queue board: its sign-in page here, the board itself mounted as a Fastify plugin (mountQueueBoard). */
@Module({})
export class QueuesModule {
  static forRole(role: ServiceRole): DynamicModule {
    return { module: QueuesModule, controllers: isApiRole(role) ? [AdminSignInController] : [] };
  }
}
