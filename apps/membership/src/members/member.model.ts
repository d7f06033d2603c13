import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Coupon } from '../coupons/coupon.model';
import { EventBooking } from '../events-booking/exclusive-event.model';
import { PointsEntryView, PointsSummary } from '../points/points.model';
import { Consent } from '../privacy/privacy.model';
import { RfmView } from '../segments/segment.model';
import { MemberTier, TierBenefitsView } from '../tiers/member-tier.model';
import { MemberIdentityView } from './identity-link.model';
import type { MemberRecord } from './member.entity';

/**
 * One shopper across platforms. PII fields are masked unless the caller's role needs them.
 * Every field is declared here; the ones below `createdAt` are resolved by their own concern's
 * resolver (privacy, tiers, points, coupons, bookings, segments).
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Member {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ACTIVE, MERGED (into another member) or ERASED' }) status!: string;
  @Field(() => ID, { nullable: true }) mergedInto!: string | null;
  @Field(() => Int) interactionScore!: number;
  @Field(() => Int) reviewCount!: number;
  @Field(() => String, { description: 'member, core_user or co_creator' }) communityLevel!: string;
  @Field(() => Date, { nullable: true }) lastInteractionAt!: Date | null;
  @Field(() => Date, { nullable: true }) dormantSince!: Date | null;
  @Field(() => Date) createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Sealed at rest, shown to every reader' }) nickname?: string | null;
  @Field(() => String, { nullable: true, description: 'Masked (138****8000) unless the role needs it; clear reads are audited' }) phone?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) birthday?: string | null;
  @Field(() => MemberTier) tier?: MemberTier;
  @Field(() => TierBenefitsView, { description: 'What the member’s tier gives' }) benefits?: TierBenefitsView;
  @Field(() => PointsSummary) points?: PointsSummary;
  @Field(() => [PointsEntryView], { description: 'The points ledger, newest first' }) pointsHistory?: PointsEntryView[];
  @Field(() => [MemberIdentityView]) identities?: MemberIdentityView[];
  @Field(() => [Coupon]) coupons?: Coupon[];
  @Field(() => [EventBooking]) bookings?: EventBooking[];
  @Field(() => [Consent]) consents?: Consent[];
  @Field(() => RfmView, { nullable: true }) rfm?: RfmView | null;
  @Field(() => [String], { description: 'Codes of the segments the member is in' }) segments?: string[];

  /** The stored record, for field resolvers (not exposed). */
  record!: MemberRecord;

  static from(record: MemberRecord): Member {
    return Object.assign(new Member(), {
      id: record.id,
      status: record.status,
      mergedInto: record.mergedInto,
      interactionScore: record.interactionScore,
      reviewCount: record.reviewCount,
      communityLevel: record.communityLevel,
      lastInteractionAt: record.lastInteractionAt,
      dormantSince: record.dormantSince,
      createdAt: record.createdAt,
      record,
    });
  }
}
