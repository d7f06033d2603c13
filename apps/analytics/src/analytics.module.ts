import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { AnalyticsResolver } from './analytics.resolver';
import { ChannelEventsHandler } from './events/channel-events.handler';
import { ChannelEventsResolver } from './events/channel-events.resolver';
import { ExperimentsService } from './experiments/experiments.service';
import { FunnelsService } from './funnels/funnels.service';
import { KpiRollups } from './kpis/kpi-rollups';
import { KpisService } from './kpis/kpis.service';
import { ANALYTICS_MIGRATIONS } from './migrations';
import { RecommendationsService } from './recommendations/recommendations.service';
import { EVENT_STORE } from './store/event-store';
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
        ChannelEventsHandler,
        TrackingHandler,
        ChannelEventsResolver,
        AnalyticsResolver,
      ],
    };
  }
}
