import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { ErasureConfirmationsHandler } from './erasure-confirmations.handler';
import { MemberDataExportService } from './member-data-export.service';
import { MemberErasureService } from './member-erasure.service';
import { MemberPrivacyFieldsResolver } from './member-privacy-fields.resolver';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [MembersModule],
  providers: [PrivacyService, MemberDataExportService, MemberErasureService, PrivacyResolver, MemberPrivacyFieldsResolver, ErasureConfirmationsHandler],
})
export class PrivacyModule {}
