import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { AnalyticsModule } from './analytics.module';

void runService({ service: 'analytics', module: (config) => AnalyticsModule.forRoot(config) });
