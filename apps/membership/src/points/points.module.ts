import { Module } from '@nestjs/common';
import { MemberPointsFieldsResolver } from './member-points-fields.resolver';
import { PointsLedger } from './points-ledger';
import { PointsResolver } from './points.resolver';
import { PointsService } from './points.service';

@Module({
  providers: [PointsLedger, PointsService, PointsResolver, MemberPointsFieldsResolver],
  exports: [PointsLedger],
})
export class PointsModule {}
