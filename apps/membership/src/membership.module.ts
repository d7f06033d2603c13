import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { MemberIdentity } from './members/member-identity.entity';
import { Member } from './members/member.entity';
import { MembersModule } from './members/members.module';
import { MEMBERSHIP_MIGRATIONS } from './migrations';

export const MEMBERSHIP_ENTITIES = [Member, MemberIdentity];

@Module({})
export class MembershipModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: MembershipModule,
      imports: [
        PlatformModule.forService(config, { entities: MEMBERSHIP_ENTITIES, migrations: MEMBERSHIP_MIGRATIONS }),
        MembersModule,
      ],
    };
  }
}
