import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { ReportPagesController } from './report-pages.controller';

/** Report pages for browsers; the reports themselves live in analytics. */
@Module({})
export class ReportsModule {
  static forRole(role: ServiceRole): DynamicModule {
    return { module: ReportsModule, controllers: isApiRole(role) ? [ReportPagesController] : [] };
  }
}
