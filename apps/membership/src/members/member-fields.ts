import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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
