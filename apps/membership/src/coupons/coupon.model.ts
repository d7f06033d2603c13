import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIsoWithOffset } from '@shopops/contracts';
import { ErrorResult } from '@shopops/platform';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export enum CouponKind {
  AMOUNT_OFF = 'AMOUNT_OFF',
  PERCENT_OFF = 'PERCENT_OFF',
  FREE_SHIPPING = 'FREE_SHIPPING',
}
registerEnumType(CouponKind, { name: 'CouponKind' });

export enum CouponStatus {
  ISSUED = 'ISSUED',
  REDEEMED = 'REDEEMED',
  EXPIRED = 'EXPIRED',
  VOID = 'VOID',
}
registerEnumType(CouponStatus, { name: 'CouponStatus' });

@ObjectType()
export class CouponTemplate {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => CouponKind) kind!: CouponKind;
  @Field(() => Int, { nullable: true }) amountOffFen!: number | null;
  @Field(() => Int, { nullable: true }) percentOff!: number | null;
  @Field(() => Int) minSpendFen!: number;
  @Field(() => Int, { nullable: true, description: 'Valid this many days from issue' }) validDays!: number | null;
  @Field(() => Date, { nullable: true }) validFrom!: Date | null;
  @Field(() => Date, { nullable: true }) validUntil!: Date | null;
  @Field(() => Int) perMemberLimit!: number;
  @Field(() => Int, { nullable: true }) totalLimit!: number | null;
  @Field(() => Int) issuedCount!: number;
  @Field(() => Boolean) active!: boolean;
}

@ObjectType()
export class Coupon {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) templateCode!: string;
  @Field(() => ID) memberId!: string;
  @Field(() => CouponStatus) status!: CouponStatus;
  @Field(() => String, { description: 'MANUAL, AUTOMATIC, CAMPAIGN or POINTS' }) issuedVia!: string;
  @Field(() => String, { nullable: true }) campaign!: string | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
  @Field(() => String, { nullable: true }) redeemedChannel!: string | null;
  @Field(() => String, { nullable: true }) redeemedOrderId!: string | null;
  @Field(() => Date, { nullable: true }) redeemedAt!: Date | null;
  @Field(() => Date) issuedAt!: Date;
}

const refusal = <T extends ErrorResult>(error: T, errorCode: string, message: string, facts: Partial<T>): T =>
  Object.assign(error, { errorCode, message, ...facts });

@ObjectType({ implements: () => [ErrorResult] })
export class CouponExpiredError extends ErrorResult {
  @Field(() => Date) validUntil!: Date;
  static of(code: string, validUntil: Date) {
    return refusal(new CouponExpiredError(), 'COUPON_EXPIRED', `Coupon ${code} expired on ${validUntil.toISOString()}`, { validUntil });
  }
}

@ObjectType({ implements: () => [ErrorResult] })
export class CouponNotOwnedError extends ErrorResult {
  static of(code: string) {
    return refusal(new CouponNotOwnedError(), 'COUPON_NOT_OWNED', `Coupon ${code} belongs to another member`, {});
  }
}

@ObjectType({ implements: () => [ErrorResult] })
export class CouponAlreadyUsedError extends ErrorResult {
  @Field(() => String, { nullable: true }) orderId!: string | null;
  static of(code: string, status: string, orderId: string | null) {
    return refusal(new CouponAlreadyUsedError(), 'COUPON_ALREADY_USED', `Coupon ${code} is ${status.toLowerCase()}${orderId ? ` (order ${orderId})` : ''}`, {
      orderId,
    });
  }
}

@ObjectType({ implements: () => [ErrorResult] })
export class CouponMinimumSpendError extends ErrorResult {
  @Field(() => Int) minSpendFen!: number;
  @Field(() => Int) orderAmountFen!: number;
  static of(code: string, minSpendFen: number, orderAmountFen: number) {
    return refusal(
      new CouponMinimumSpendError(),
      'COUPON_MINIMUM_SPEND',
      `Coupon ${code} needs a spend of ${minSpendFen} fen; the order is ${orderAmountFen}`,
      { minSpendFen, orderAmountFen },
    );
  }
}

@ObjectType({ implements: () => [ErrorResult] })
export class CouponLimitReachedError extends ErrorResult {
  @Field(() => Int) limit!: number;
  static of(templateCode: string, limit: number, scope: 'member' | 'total') {
    return refusal(
      new CouponLimitReachedError(),
      'COUPON_LIMIT_REACHED',
      `Coupon ${templateCode} reached its ${scope === 'member' ? 'per-member' : 'total'} limit of ${limit}`,
      { limit },
    );
  }
}

@InputType()
export class CouponTemplateInput {
  @Field(() => String)
  @IsString()
  @Length(1, 32)
  @Matches(/^[A-Z0-9][A-Z0-9-]*$/, { message: 'code must be upper-case letters, digits and dashes' })
  code!: string;
  @Field(() => String) @IsString() @Length(1, 100) name!: string;
  @Field(() => CouponKind) @IsIn(Object.values(CouponKind)) kind!: CouponKind;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100_000_000) amountOffFen?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(99) percentOff?: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(100_000_000) minSpendFen = 0;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(3650) validDays?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoWithOffset() validFrom?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoWithOffset() validUntil?: string;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) @Max(1000) perMemberLimit = 1;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) totalLimit?: number;
  @Field(() => Boolean, { defaultValue: true }) @IsBoolean() active = true;
}

@InputType()
export class IssueCouponInput {
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => String) @IsString() @Length(1, 32) templateCode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 64) campaign?: string;
}

@InputType()
export class RedeemCouponInput {
  @Field(() => String) @IsString() @Length(1, 32) couponCode!: string;
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => String) @IsString() @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a lowercase channel name' }) channel!: string;
  @Field(() => String) @IsString() @Length(1, 64) orderId!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000_000) orderAmountFen!: number;
}
