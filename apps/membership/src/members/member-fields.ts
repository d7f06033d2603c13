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

/** The account belongs to another member: linking it would merge two people. */
@ObjectType({ implements: () => [ErrorResult] })
export class IdentityOwnedByAnotherMemberError extends ErrorResult {
  @Field(() => String) platform!: string;
  @Field(() => String) platformUserId!: string;

  static of(platform: string, platformUserId: string): IdentityOwnedByAnotherMemberError {
    return Object.assign(new IdentityOwnedByAnotherMemberError(), {
      errorCode: 'IDENTITY_OWNED_BY_ANOTHER_MEMBER',
      message: `${platform} account ${platformUserId} belongs to another membership: an admin checks the proof and merges the two with a reason`,
      platform,
      platformUserId,
    });
  }
}
