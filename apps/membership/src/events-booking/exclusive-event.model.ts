import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIsoWithOffset } from '@shopops/contracts';
import { ErrorResult } from '@shopops/platform';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

/** Designer meet-ups, previews, salons: limited seats, optionally for a minimum tier. */
@ObjectType()
export class ExclusiveEvent {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Int) seats!: number;
  @Field(() => Int) booked!: number;
  @Field(() => String, { nullable: true }) minTier!: string | null;
}

/** A booking joined with its event's code; `position` is a count, which PostgreSQL answers as text. */
export interface EventBookingRow {
  readonly event_id: string;
  readonly code: string;
  readonly member_id: string;
  readonly status: string;
  readonly position: string | null;
}

@ObjectType()
export class EventBooking {
  @Field(() => ID) eventId!: string;
  @Field(() => String) eventCode!: string;
  @Field(() => ID) memberId!: string;
  @Field(() => String, { description: 'BOOKED, WAITLISTED or CANCELLED' }) status!: string;
  @Field(() => Int, { nullable: true, description: 'Place in the waitlist, 1 = next' }) waitlistPosition!: number | null;

  static fromRow(row: EventBookingRow): EventBooking {
    return Object.assign(new EventBooking(), {
      eventId: row.event_id,
      eventCode: row.code,
      memberId: row.member_id,
      status: row.status,
      waitlistPosition: row.position === null ? null : Number(row.position),
    });
  }
}

@ObjectType({ implements: () => [ErrorResult] })
export class EventFullError extends ErrorResult {
  @Field(() => Int) seats!: number;
  static of(code: string, seats: number): EventFullError {
    return Object.assign(new EventFullError(), {
      errorCode: 'EVENT_FULL',
      message: `All ${seats} seats of ${code} are taken; book with joinWaitlist to queue`,
      seats,
    });
  }
}

@ObjectType({ implements: () => [ErrorResult] })
export class TierNotEligibleError extends ErrorResult {
  @Field(() => String) requiredTier!: string;
  static of(code: string, requiredTier: string): TierNotEligibleError {
    return Object.assign(new TierNotEligibleError(), {
      errorCode: 'TIER_NOT_ELIGIBLE',
      message: `${code} is for ${requiredTier} members and above`,
      requiredTier,
    });
  }
}

@InputType()
export class ExclusiveEventInput {
  @Field(() => String)
  @IsString()
  @Length(1, 32)
  @Matches(/^[A-Z0-9][A-Z0-9-]*$/, { message: 'code must be upper-case letters, digits and dashes' })
  code!: string;
  @Field(() => String) @IsString() @Length(1, 200) title!: string;
  @Field(() => String) @IsIsoWithOffset() startsAt!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100_000) seats!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 32) minTier?: string;
}

@InputType()
export class BookEventInput {
  @Field(() => String) @IsString() @Length(1, 32) eventCode!: string;
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() joinWaitlist = false;
}
