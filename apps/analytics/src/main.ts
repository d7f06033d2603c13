import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { ANALYTICS_CONFIG_SECTIONS } from './analytics.config';
import { AnalyticsModule } from './analytics.module';

void runService({ service: 'analytics', config: ANALYTICS_CONFIG_SECTIONS, module: (config) => AnalyticsModule.forRoot(config) });
