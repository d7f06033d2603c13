import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { TiersModule } from '../tiers/tiers.module';
import { InteractionsHandler } from './interactions.handler';
import { SiteActivityHandler } from './site-activity.handler';

@Module({
  imports: [MembersModule, PointsModule, TiersModule],
  providers: [InteractionsHandler, SiteActivityHandler],
})
export class InteractionsModule {}
