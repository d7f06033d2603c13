import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { AnalyticsResolver } from './analytics.resolver';
import { AnomaliesService } from './anomalies/anomalies.service';
import { CohortsService } from './cohorts/cohorts.service';
import { InsightsResolver } from './insights.resolver';
import { ReportsService } from './reports/reports.service';
import { TrafficService } from './traffic/traffic.service';
import { ChannelEventsHandler } from './events/channel-events.handler';
import { OperationsHandler } from './events/operations.handler';
import { ChannelEventsResolver } from './events/channel-events.resolver';
import { ExperimentsService } from './experiments/experiments.service';
import { MemberExperimentsHandler } from './experiments/member-experiments.handler';
import { FunnelsService } from './funnels/funnels.service';
import { FlashSaleSalesResolver } from './kpis/flash-sales';
import { KpiRollups } from './kpis/kpi-rollups';
import { KpisService } from './kpis/kpis.service';
import { ANALYTICS_MIGRATIONS } from './migrations';
import { RecommendationsService } from './recommendations/recommendations.service';
import { EVENT_STORE } from './store/event-store';
import { MemberErasureHandler } from './privacy/member-erasure.handler';
import { PostgresEventStore } from './store/postgres-event-store';
import { TrackingHandler } from './tracking/tracking.handler';

@Module({})
export class AnalyticsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [PlatformModule.forService(config, { entities: [], migrations: ANALYTICS_MIGRATIONS })],
      providers: [
        PostgresEventStore,
        { provide: EVENT_STORE, useExisting: PostgresEventStore },
        KpiRollups,
        KpisService,
        FunnelsService,
        ExperimentsService,
        RecommendationsService,
        CohortsService,
        TrafficService,
        AnomaliesService,
        ReportsService,
        ChannelEventsHandler,
        OperationsHandler,
        MemberExperimentsHandler,
        TrackingHandler,
        MemberErasureHandler,
        ChannelEventsResolver,
        AnalyticsResolver,
        InsightsResolver,
        FlashSaleSalesResolver,
      ],
    };
  }
}
