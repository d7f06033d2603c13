import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { CouponsModule } from './coupons/coupons.module';
import { EventsBookingModule } from './events-booking/events-booking.module';
import { InteractionsModule } from './interactions/interactions.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { MemberIdentity } from './members/member-identity.entity';
import { MemberRecord } from './members/member.entity';
import { MembersModule } from './members/members.module';
import { MEMBERSHIP_MIGRATIONS } from './migrations';
import { OrdersModule } from './orders/orders.module';
import { PointsModule } from './points/points.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RewardsModule } from './rewards/rewards.module';
import { SegmentsModule } from './segments/segments.module';
import { TiersModule } from './tiers/tiers.module';

export const MEMBERSHIP_ENTITIES = [MemberRecord, MemberIdentity];

/** Membership: one Nest module per domain folder. */
@Module({})
export class MembershipModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: MembershipModule,
      imports: [
        PlatformModule.forService(config, { entities: MEMBERSHIP_ENTITIES, migrations: MEMBERSHIP_MIGRATIONS }),
        MembersModule,
        PointsModule,
        TiersModule,
        CouponsModule,
        RewardsModule,
        EventsBookingModule,
        SegmentsModule,
        PrivacyModule,
        OrdersModule,
        InteractionsModule,
        LifecycleModule,
      ],
    };
  }
}
