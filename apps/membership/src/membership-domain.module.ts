import { Module } from '@nestjs/common';
import { CouponsResolver } from './coupons/coupons.resolver';
import { CouponsService } from './coupons/coupons.service';
import { ExclusiveEventsResolver } from './events-booking/exclusive-events.resolver';
import { ExclusiveEventsService } from './events-booking/exclusive-events.service';
import { InteractionsHandler } from './interactions/interactions.handler';
import { SiteActivityHandler } from './interactions/site-activity.handler';
import { LifecycleJobs } from './lifecycle/lifecycle.jobs';
import { MembersResolver } from './members/members.resolver';
import { IdentityVerifications } from './members/identity-verifications';
import { MembersService } from './members/members.service';
import { MemberOrdersHandler } from './orders/member-orders.handler';
import { PointsLedger } from './points/points-ledger';
import { PointsResolver } from './points/points.resolver';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { PrivacyService } from './privacy/privacy.service';
import { RewardsResolver } from './rewards/rewards.resolver';
import { RewardsService } from './rewards/rewards.service';
import { SegmentsResolver } from './segments/segments.resolver';
import { SegmentsService } from './segments/segments.service';
import { TiersResolver } from './tiers/tiers.resolver';
import { TiersService } from './tiers/tiers.service';

/**
 * Membership's domain modules (one folder each) wired together: members and identities,
 * points, tiers, coupons, rewards, exclusive events, segments, lifecycle and privacy.
 */
@Module({
  providers: [
    MembersService,
    MembersResolver,
    IdentityVerifications,
    PointsLedger,
    PointsResolver,
    TiersService,
    TiersResolver,
    CouponsService,
    CouponsResolver,
    RewardsService,
    RewardsResolver,
    ExclusiveEventsService,
    ExclusiveEventsResolver,
    SegmentsService,
    SegmentsResolver,
    PrivacyService,
    PrivacyResolver,
    MemberOrdersHandler,
    InteractionsHandler,
    SiteActivityHandler,
    LifecycleJobs,
  ],
})
export class MembershipDomainModule {}
