import { Module } from '@nestjs/common';
import { CouponsModule } from '../coupons/coupons.module';
import { PointsModule } from '../points/points.module';
import { RewardsResolver } from './rewards.resolver';
import { RewardsService } from './rewards.service';

@Module({
  imports: [PointsModule, CouponsModule],
  providers: [RewardsService, RewardsResolver],
})
export class RewardsModule {}
