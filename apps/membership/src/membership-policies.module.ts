import { Global, Module } from '@nestjs/common';
import { PII_VAULT, PiiVault } from '@shopops/platform';
import { loadMembershipConfig, MEMBERSHIP_CONFIG } from './membership.config';
import { expiryPolicyFrom, POINTS_EXPIRY } from './points/points-expiry.policy';

/** Membership's configuration, PII keys and swappable policies, chosen once at start and shared by every domain module. */
@Global()
@Module({
  providers: [
    { provide: MEMBERSHIP_CONFIG, useFactory: () => loadMembershipConfig() },
    { provide: PII_VAULT, useFactory: () => PiiVault.fromEnv() },
    { provide: POINTS_EXPIRY, useFactory: () => expiryPolicyFrom(process.env.MEMBERSHIP_POINTS_EXPIRY) },
  ],
  exports: [MEMBERSHIP_CONFIG, PII_VAULT, POINTS_EXPIRY],
})
export class MembershipPoliciesModule {}
