import { Module } from '@nestjs/common';
import { CouponsModule } from '../coupons/coupons.module';
import { PointsModule } from '../points/points.module';
import { LifecycleJobs } from './lifecycle.jobs';

@Module({
  imports: [PointsModule, CouponsModule],
  providers: [LifecycleJobs],
})
export class LifecycleModule {}
