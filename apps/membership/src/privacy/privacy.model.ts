import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export const CONSENT_CHANNELS = ['sms', 'wechat', 'email', 'phone_call', 'app_push'] as const;

export interface ConsentRow {
  readonly member_id: string;
  readonly channel: string;
  readonly granted: boolean;
  readonly updated_at: Date;
}

@ObjectType()
export class Consent {
  /** Not in the schema: lets a per-request loader sort consents by member. */
  memberId!: string;
  @Field(() => String, { description: 'sms, wechat, email, phone_call or app_push' }) channel!: string;
  @Field(() => Boolean) granted!: boolean;
  @Field(() => Date) updatedAt!: Date;

  static fromRow(row: ConsentRow): Consent {
    return Object.assign(new Consent(), { memberId: row.member_id, channel: row.channel, granted: row.granted, updatedAt: row.updated_at });
  }
}

@ObjectType({ description: 'One service asked to erase: PENDING until its confirmation event arrives, then CONFIRMED.' })
export class ErasureConfirmation {
  @Field(() => String) service!: string;
  @Field(() => String, { description: 'PENDING or CONFIRMED' }) status!: 'PENDING' | 'CONFIRMED';
  @Field(() => Date, { nullable: true }) confirmedAt!: Date | null;
}

@ObjectType()
export class ErasureReceipt {
  @Field(() => ID) memberId!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => Date) erasedAt!: Date;
  @Field(() => [String], { description: 'Services asked to erase what they hold' }) notified!: string[];
  @Field(() => [ErasureConfirmation], { description: 'Each notified service and whether it has confirmed its erasure' }) confirmations!: ErasureConfirmation[];
  @Field(() => Boolean, { description: 'Every notified service has confirmed' }) complete!: boolean;

  static of(row: { member_id: string; request_id: string; requested_at: Date; notified: string[] }, confirmed: ReadonlyMap<string, Date>): ErasureReceipt {
    const confirmations = row.notified.map((service) =>
      Object.assign(new ErasureConfirmation(), {
        service,
        status: confirmed.has(service) ? 'CONFIRMED' : 'PENDING',
        confirmedAt: confirmed.get(service) ?? null,
      }),
    );
    return Object.assign(new ErasureReceipt(), {
      memberId: row.member_id,
      requestId: row.request_id,
      erasedAt: row.requested_at,
      notified: row.notified,
      confirmations,
      complete: confirmations.every((c) => c.status === 'CONFIRMED'),
    });
  }
}

@ObjectType({ description: 'Everything membership holds about a member (audited).' })
export class MemberDataExport {
  @Field(() => ID) memberId!: string;
  @Field(() => Date) exportedAt!: Date;
  @Field(() => String, {
    description: 'The member, accounts, orders, points, coupons, bookings, consents, tiers, RFM, segments and audit, as one JSON document',
  })
  document!: string;
}

@InputType()
export class MemberProfileInput {
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 64) nickname?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?[0-9][0-9 -]{5,18}$/, { message: 'phone must be 6 to 15 digits' }) phone?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(4, 300) address?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'birthday must be YYYY-MM-DD' })
  birthday?: string;
}

@InputType()
export class ConsentInput {
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => String) @IsIn(CONSENT_CHANNELS, { message: `channel must be one of ${CONSENT_CHANNELS.join(', ')}` }) channel!: string;
  @Field(() => Boolean) @IsBoolean() granted!: boolean;
}
