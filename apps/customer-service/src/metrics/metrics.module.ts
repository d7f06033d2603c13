import { Module } from '@nestjs/common';
import { ServiceMetricsResolver } from './service-metrics.resolver';
import { ServiceMetricsService } from './service-metrics.service';
import { StaffScorecardsResolver } from './staff-scorecards.resolver';
import { StaffScorecardsService } from './staff-scorecards.service';

@Module({
  providers: [ServiceMetricsService, ServiceMetricsResolver, StaffScorecardsService, StaffScorecardsResolver],
})
export class MetricsModule {}
