import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../events/define-event';

export class MemberCreatedPayload {
  @IsUUID() memberId!: string;
  @IsString() @Length(1, 32) platform!: string;
  @IsString() @Length(1, 128) platformUserId!: string;
}

/** Another platform account now belongs to a member (other services map accounts to members). */
export class IdentityLinkedPayload {
  @IsUUID() memberId!: string;
  @IsString() @Length(1, 32) platform!: string;
  @IsString() @Length(1, 128) platformUserId!: string;
}

/**
 * A one-time code for whoever holds an account that another membership wants to link: delivered
 * on the account's platform, it proves the two are one person when typed back into linkIdentity.
 */
export class IdentityVerificationRequestedPayload {
  /** The member who holds the account now (the code's recipient). */
  @IsUUID() memberId!: string;
  @IsString() @Length(1, 32) platform!: string;
  @IsString() @Length(1, 128) platformUserId!: string;
  @Matches(/^\d{6}$/) code!: string;
  @IsString() expiresAt!: string;
}

/** Two members were one person: everything of `mergedMemberId` now belongs to `survivorMemberId`. */
export class MembersMergedPayload {
  @IsUUID() survivorMemberId!: string;
  @IsUUID() mergedMemberId!: string;
}

export class PointsChangedPayload {
  @IsUUID() memberId!: string;
  @IsInt() delta!: number;
  @IsInt() balance!: number;
  @IsString() reason!: string;
  @IsString() sourceKey!: string;
}

export class TierChangedPayload {
  @IsUUID() memberId!: string;
  @IsOptional() @IsString() fromTier?: string;
  @IsString() toTier!: string;
  @IsString() reason!: string;
}

export class MemberDormantPayload {
  @IsUUID() memberId!: string;
  @IsString() lastInteractionAt!: string;
  /** The win-back experiment: `coupon` got the coupon, `holdout` (a random share) did not. */
  @IsIn(['coupon', 'holdout']) winBackArm!: 'coupon' | 'holdout';
  @IsInt() @Min(0) @Max(100) holdoutPercent!: number;
}

export class CouponPayload {
  @IsUUID() couponId!: string;
  @IsUUID() memberId!: string;
  @IsString() templateCode!: string;
  @IsOptional() @IsString() campaign?: string;
  @IsOptional() @IsString() channel?: string;
  @IsOptional() @IsString() orderId?: string;
}

/** A platform account named in an erasure request; its id sealed (PiiVault) so the request itself keeps none in clear. */
export class SealedPlatformAccount {
  @IsString() @Length(1, 32) platform!: string;
  @IsString() @Length(1, 512) platformUserIdSealed!: string;
}

/** PIPL/GDPR erasure: every service removes or pseudonymises what it holds on this member. */
export class MemberErasureRequestedPayload {
  @IsUUID() memberId!: string;
  @IsUUID() requestId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SealedPlatformAccount) accounts!: SealedPlatformAccount[];
}

export const MemberCreated = defineEvent('membership.member.created.v1', 'membership', MemberCreatedPayload);
export const IdentityLinked = defineEvent('membership.identity.linked.v1', 'membership', IdentityLinkedPayload);
export const IdentityVerificationRequested = defineEvent('membership.identity.verification-requested.v1', 'membership', IdentityVerificationRequestedPayload);
export const MembersMerged = defineEvent('membership.member.merged.v1', 'membership', MembersMergedPayload);
export const PointsChanged = defineEvent('membership.points.changed.v1', 'membership', PointsChangedPayload);
export const TierChanged = defineEvent('membership.tier.changed.v1', 'membership', TierChangedPayload);
export const MemberDormant = defineEvent('membership.member.dormant.v1', 'membership', MemberDormantPayload);
export const CouponIssued = defineEvent('membership.coupon.issued.v1', 'membership', CouponPayload);
export const CouponRedeemed = defineEvent('membership.coupon.redeemed.v1', 'membership', CouponPayload);
export const MemberErasureRequested = defineEvent('membership.member.erasure-requested.v2', 'membership', MemberErasureRequestedPayload);

/** A service has erased (or pseudonymised) what it held on the member named by an erasure request. */
export class MemberErasureConfirmedPayload {
  @IsUUID() requestId!: string;
  @IsUUID() memberId!: string;
}

/** Each service that receives an erasure request confirms it with its own event; membership shows them on the receipt. */
export const ERASURE_CONFIRMATIONS = {
  gateway: defineEvent('gateway.member.erasure-confirmed.v1', 'gateway', MemberErasureConfirmedPayload),
  inventory: defineEvent('inventory.member.erasure-confirmed.v1', 'inventory', MemberErasureConfirmedPayload),
  'customer-service': defineEvent('customer-service.member.erasure-confirmed.v1', 'customer-service', MemberErasureConfirmedPayload),
  analytics: defineEvent('analytics.member.erasure-confirmed.v1', 'analytics', MemberErasureConfirmedPayload),
} as const;

/** Outbound messaging triggers: each becomes a message on the member's consented channels. */
export class MemberMessagePayload {
  @IsUUID() memberId!: string;
  @IsString() kind!: string;
  @IsOptional() @IsInt() points?: number;
  @IsOptional() @IsString() expiresAt?: string;
  @IsOptional() @IsString() lastOrderAt?: string;
  /** What an abandoned-cart reminder is about. */
  @IsOptional() @IsArray() @IsString({ each: true }) skuCodes?: string[];
  /** The contact channels the member consented to (sms, wechat, …): the message goes out on these only. */
  @IsOptional() @IsArray() @IsString({ each: true }) channels?: string[];
}

export const PointsExpiring = defineEvent('membership.points.expiring.v1', 'membership', MemberMessagePayload);
export const BirthdayGreeting = defineEvent('membership.birthday.greeting.v1', 'membership', MemberMessagePayload);
export const RepurchaseReminder = defineEvent('membership.repurchase.reminder.v1', 'membership', MemberMessagePayload);
export const AbandonedCartReminder = defineEvent('membership.abandoned-cart.reminder.v1', 'membership', MemberMessagePayload);
