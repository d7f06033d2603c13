import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MemberRecord } from './member.entity';

@ObjectType()
export class MemberTier {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) rank!: number;
  @Field(() => Date) since!: Date;
  @Field(() => Date, { description: 'Downgrades only happen at this date (plus the grace period)' }) reviewAt!: Date;
  @Field(() => Boolean, { description: 'Locked for life: never downgraded' }) lifetime!: boolean;
}

@ObjectType()
export class PointsSummary {
  @Field(() => Int, { description: 'Spendable points; equals the sum of the points ledger' }) balance!: number;
  @Field(() => Int, { description: 'Earned, waiting for the return window to pass' }) pending!: number;
  @Field(() => Int, { description: 'Clawed back after being spent, owed from future points' }) debt!: number;
}

@ObjectType()
export class TierBenefitsView {
  @Field(() => String) birthdayGift!: string;
  @Field(() => Int) earlyAccessHours!: number;
  @Field(() => Boolean) freeShipping!: boolean;
  @Field(() => Boolean) priorityShipping!: boolean;
  @Field(() => Boolean) dedicatedAgent!: boolean;
  @Field(() => Boolean) designerConsultation!: boolean;
}

/** One shopper across platforms. PII fields are masked unless the caller's role needs them. */
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
