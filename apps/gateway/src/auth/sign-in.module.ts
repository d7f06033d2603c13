import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { SignInController } from './sign-in.controller';

/** The browser sign-in of the gateway's pages (GraphQL IDE, queue board, report pages). */
@Module({})
export class SignInModule {
  static forRole(role: ServiceRole): DynamicModule {
    return { module: SignInModule, controllers: isApiRole(role) ? [SignInController] : [] };
  }
}
