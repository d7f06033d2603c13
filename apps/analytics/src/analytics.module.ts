import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { AnomaliesModule } from './anomalies/anomalies.module';
import { BudgetsModule } from './budgets/budgets.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { EventsModule } from './events/events.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { FlashSalesModule } from './flash-sales/flash-sales.module';
import { FunnelsModule } from './funnels/funnels.module';
import { KpisModule } from './kpis/kpis.module';
import { ANALYTICS_MIGRATIONS } from './migrations';
import { PrivacyModule } from './privacy/privacy.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { ReportsModule } from './reports/reports.module';
import { EventStoreModule } from './store/store.module';
import { TrackingModule } from './tracking/tracking.module';
import { TrafficModule } from './traffic/traffic.module';

@Module({})
export class AnalyticsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        PlatformModule.forService(config, { entities: [], migrations: ANALYTICS_MIGRATIONS }),
        EventStoreModule,
        EventsModule,
        TrackingModule,
        PrivacyModule,
        KpisModule,
        FunnelsModule,
        ExperimentsModule,
        RecommendationsModule,
        CohortsModule,
        TrafficModule,
        AnomaliesModule,
        ReportsModule,
        FlashSalesModule,
        BudgetsModule,
      ],
    };
  }
}
