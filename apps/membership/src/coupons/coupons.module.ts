import { Module } from '@nestjs/common';
import { CouponsResolver } from './coupons.resolver';
import { CouponsService } from './coupons.service';
import { MemberCouponsFieldsResolver } from './member-coupons-fields.resolver';

@Module({
  providers: [CouponsService, CouponsResolver, MemberCouponsFieldsResolver],
  exports: [CouponsService],
})
export class CouponsModule {}
