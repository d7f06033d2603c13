import { Module } from '@nestjs/common';
import { ServiceMetricsResolver } from './service-metrics.resolver';
import { ServiceMetricsService } from './service-metrics.service';

@Module({
  providers: [ServiceMetricsService, ServiceMetricsResolver],
})
export class MetricsModule {}
