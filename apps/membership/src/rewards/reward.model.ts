import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

@ObjectType()
export class Reward {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) pointsCost!: number;
  @Field(() => Int) stock!: number;
  @Field(() => Int) perMemberLimit!: number;
  @Field(() => String, { nullable: true, description: 'Redeeming issues a coupon of this template' }) couponTemplateCode!: string | null;
  @Field(() => Boolean) active!: boolean;
}

@ObjectType()
export class RewardRedemption {
  @Field(() => ID) id!: string;
  @Field(() => String) rewardCode!: string;
  @Field(() => ID) memberId!: string;
  @Field(() => Int) points!: number;
  @Field(() => ID, { nullable: true }) couponId!: string | null;
  @Field(() => Date) redeemedAt!: Date;
}

@ObjectType({ implements: () => [ErrorResult] })
export class RewardUnavailableError extends ErrorResult {
  @Field(() => String) rewardCode!: string;
  static of(rewardCode: string, why: 'out of stock' | 'limit reached' | 'inactive'): RewardUnavailableError {
    const code = why === 'out of stock' ? 'REWARD_OUT_OF_STOCK' : why === 'limit reached' ? 'REWARD_LIMIT_REACHED' : 'REWARD_INACTIVE';
    return Object.assign(new RewardUnavailableError(), { errorCode: code, message: `Reward ${rewardCode}: ${why}`, rewardCode });
  }
}

@InputType()
export class RewardInput {
  @Field(() => String)
  @IsString()
  @Length(1, 32)
  @Matches(/^[A-Z0-9][A-Z0-9-]*$/, { message: 'code must be upper-case letters, digits and dashes' })
  code!: string;
  @Field(() => String) @IsString() @Length(1, 100) name!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000_000) pointsCost!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10_000_000) stock!: number;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) @Max(1000) perMemberLimit = 1;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 32) couponTemplateCode?: string;
  @Field(() => Boolean, { defaultValue: true }) @IsBoolean() active = true;
}

@InputType()
export class RedeemRewardInput {
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => String) @IsString() @Length(1, 32) rewardCode!: string;
  @Field(() => String, { description: 'Repeat the same key to retry safely' }) @IsString() @Length(8, 128) idempotencyKey!: string;
}
