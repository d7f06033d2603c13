import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { ChannelEvent } from './events/channel-event.entity';
import { EventsModule } from './events/events.module';
import { ANALYTICS_MIGRATIONS } from './migrations';

export const ANALYTICS_ENTITIES = [ChannelEvent];

@Module({})
export class AnalyticsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        PlatformModule.forService(config, { entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS }),
        EventsModule,
      ],
    };
  }
}
