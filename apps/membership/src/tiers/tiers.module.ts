import { Module } from '@nestjs/common';
import { MemberTierFieldsResolver } from './member-tier-fields.resolver';
import { TiersResolver } from './tiers.resolver';
import { TiersService } from './tiers.service';

@Module({
  providers: [TiersService, TiersResolver, MemberTierFieldsResolver],
  exports: [TiersService],
})
export class TiersModule {}
