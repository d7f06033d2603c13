import { Module } from '@nestjs/common';
import { PointsModule } from '../points/points.module';
import { IdentityVerifications } from './identity-verifications';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';

@Module({
  imports: [PointsModule],
  providers: [MembersService, IdentityVerifications, MembersResolver],
  exports: [MembersService],
})
export class MembersModule {}
