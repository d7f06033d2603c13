import { Module } from '@nestjs/common';
import { CouponsModule } from '../coupons/coupons.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { TiersModule } from '../tiers/tiers.module';
import { MemberOrdersHandler } from './member-orders.handler';

@Module({
  imports: [MembersModule, PointsModule, TiersModule, CouponsModule],
  providers: [MemberOrdersHandler],
})
export class OrdersModule {}
