import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';

@ObjectType()
export class RfmView {
  @Field(() => Int, { nullable: true }) recencyDays!: number | null;
  @Field(() => Int) frequency!: number;
  @Field(() => Int, { description: 'Net spend in the last 365 days (fen)' }) monetaryFen!: number;
  @Field(() => Int) r!: number;
  @Field(() => Int) f!: number;
  @Field(() => Int) m!: number;
  @Field(() => [String], { description: 'high-value, loyal, at-risk, new, price-sensitive, reviewer, dormant' }) tags!: string[];
  @Field(() => Date) computedAt!: Date;
}

@ObjectType()
export class PointsEntryView {
  @Field(() => String) kind!: string;
  @Field(() => Int) delta!: number;
  @Field(() => Int) pendingDelta!: number;
  @Field(() => Int) debtDelta!: number;
  @Field(() => String) source!: string;
  @Field(() => String) operationKey!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('MemberIdentity')
export class MemberIdentityView {
  @Field(() => String) platform!: string;
  @Field(() => String) platformUserId!: string;
  @Field(() => Date) linkedAt!: Date;
}

@ObjectType()
export class LinkIdentityOutcome {
  @Field(() => ID) memberId!: string;
  @Field(() => String, { description: 'linked, merged (the account belonged to another member, now merged in) or already' }) outcome!: string;
}

/** The account belongs to another member: a one-time code went to it, and linking again with that code merges the two. */
@ObjectType({ implements: () => [ErrorResult] })
export class IdentityVerificationRequiredError extends ErrorResult {
  @Field(() => String) platform!: string;
  @Field(() => String) platformUserId!: string;
  @Field(() => Date, { description: 'Until when the code sent to the account is good' }) expiresAt!: Date;

  static of(platform: string, platformUserId: string, expiresAt: Date): IdentityVerificationRequiredError {
    return Object.assign(new IdentityVerificationRequiredError(), {
      errorCode: 'IDENTITY_VERIFICATION_REQUIRED',
      message: `${platform} account ${platformUserId} belongs to another membership: a one-time code was sent to that account; link again with verificationCode (or an admin merges with mergeReason)`,
      platform,
      platformUserId,
      expiresAt,
    });
  }
}

/** The code does not match the live one sent to the account (or it expired, or was tried too often). */
@ObjectType({ implements: () => [ErrorResult] })
export class InvalidVerificationCodeError extends ErrorResult {
  static of(platform: string, platformUserId: string): InvalidVerificationCodeError {
    return Object.assign(new InvalidVerificationCodeError(), {
      errorCode: 'INVALID_VERIFICATION_CODE',
      message: `The code is not the live one sent to ${platform} account ${platformUserId}: link without a code for a new one`,
    });
  }
}
