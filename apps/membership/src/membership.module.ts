import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { MemberIdentity } from './members/member-identity.entity';
import { MemberRecord } from './members/member.entity';
import { MembershipDomainModule } from './membership-domain.module';
import { MEMBERSHIP_MIGRATIONS } from './migrations';

export const MEMBERSHIP_ENTITIES = [MemberRecord, MemberIdentity];

@Module({})
export class MembershipModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: MembershipModule,
      imports: [PlatformModule.forService(config, { entities: MEMBERSHIP_ENTITIES, migrations: MEMBERSHIP_MIGRATIONS }), MembershipDomainModule],
    };
  }
}
