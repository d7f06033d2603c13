import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ErrorResult } from '@shopops/platform';

export enum PromotionKindValue {
  FLASH_SALE = 'FLASH_SALE',
  MULTI_BUY = 'MULTI_BUY',
  SPEND_AND_SAVE = 'SPEND_AND_SAVE',
}
export enum PromotionStatus {
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
  /** Its "was" price stopped holding before it started (price honesty re-checked): it never went live. */
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(PromotionKindValue, { name: 'PromotionKind', description: 'FLASH_SALE 秒杀, MULTI_BUY 多件折扣, SPEND_AND_SAVE 满减' });
registerEnumType(PromotionStatus, { name: 'PromotionStatus' });

@ObjectType()
export class Promotion {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => PromotionKindValue) kind!: PromotionKindValue;
  @Field(() => PromotionStatus) status!: PromotionStatus;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [String]) skuCodes!: string[];
  @Field(() => Int, { nullable: true }) percentOff!: number | null;
  @Field(() => Int, { nullable: true }) perBuyerLimit!: number | null;
  @Field(() => Int, { nullable: true }) quantityCap!: number | null;
  @Field(() => Int, { nullable: true }) minQuantity!: number | null;
  @Field(() => Int, { nullable: true }) thresholdFen!: number | null;
  @Field(() => Int, { nullable: true }) offFen!: number | null;
  @Field(() => Boolean) repeatable!: boolean;
  @Field(() => Int, { nullable: true, description: 'The "was" price shown (划线价)' }) wasPriceFen!: number | null;
  @Field(() => String, { nullable: true, description: 'SUSPENDED: why its "was" price no longer holds' }) suspendedReason!: string | null;
}

@InputType()
export class PromotionInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Z0-9][A-Z0-9_-]*$/, { message: 'code must be upper-case letters, digits, dash and underscore' })
  code!: string;
  @Field(() => String) @IsString() @Length(1, 120) name!: string;
  @Field(() => PromotionKindValue) @IsEnum(PromotionKindValue) kind!: PromotionKindValue;
  @Field(() => String, { description: 'ISO 8601 with offset' }) @IsISO8601({ strict: true }) startsAt!: string;
  @Field(() => String) @IsISO8601({ strict: true }) endsAt!: string;
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(500) @IsString({ each: true }) skuCodes!: string[];
  @Field(() => Int, { nullable: true, description: 'FLASH_SALE, MULTI_BUY: percent off' }) @IsOptional() @IsInt() @Min(1) @Max(99) percentOff?: number;
  @Field(() => Int, { nullable: true, description: 'FLASH_SALE: units one buyer may buy at the flash price' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  perBuyerLimit?: number;
  @Field(() => Int, { nullable: true, description: 'FLASH_SALE: units in total at the flash price' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  quantityCap?: number;
  @Field(() => Int, { nullable: true, description: 'MULTI_BUY: items needed' }) @IsOptional() @IsInt() @Min(2) @Max(100) minQuantity?: number;
  @Field(() => Int, { nullable: true, description: 'SPEND_AND_SAVE: spend this (fen)…' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  thresholdFen?: number;
  @Field(() => Int, { nullable: true, description: '…get this off (fen)' }) @IsOptional() @IsInt() @Min(1) @Max(100_000_000) offFen?: number;
  @Field(() => Boolean, { nullable: true, description: 'SPEND_AND_SAVE: once per threshold (每满) rather than once' })
  @IsOptional()
  @IsBoolean()
  repeatable?: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'The "was" price to show; checked against the lowest price of the days before the start (CATALOG_PRICE_HONESTY_DAYS)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  wasPriceFen?: number;
}

@ObjectType()
export class TierPrice {
  @Field(() => String) tierCode!: string;
  @Field(() => Int) priceFen!: number;
}

@ObjectType()
export class PricePoint {
  @Field(() => Int) listPriceFen!: number;
  @Field(() => String) actor!: string;
  @Field(() => Date) at!: Date;
}

@InputType()
export class QuoteLineInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000) quantity!: number;
}

@InputType()
export class PriceQuoteInput {
  @Field(() => [QuoteLineInput]) @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => QuoteLineInput) lines!: QuoteLineInput[];
  @Field(() => String, { nullable: true, description: 'The buyer’s member tier, for tier prices' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  memberTier?: string;
  @Field(() => String, { nullable: true, description: 'Quote as of this moment (default now)' }) @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

@ObjectType()
export class QuoteLine {
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) listPriceFen!: number;
  @Field(() => Int, { description: 'Effective price per unit after everything applied' }) unitPriceFen!: number;
  @Field(() => Int) lineTotalFen!: number;
  @Field(() => [String]) explanations!: string[];
}

@ObjectType()
export class AppliedPromotionView {
  @Field(() => String) code!: string;
  @Field(() => PromotionKindValue) kind!: PromotionKindValue;
  @Field(() => Int) discountFen!: number;
  @Field(() => String) explanation!: string;
}

@ObjectType()
export class PriceQuote {
  @Field(() => [QuoteLine]) lines!: QuoteLine[];
  @Field(() => Int) listTotalFen!: number;
  @Field(() => Int) totalFen!: number;
  @Field(() => Int) discountFen!: number;
  @Field(() => Int) memberDiscountFen!: number;
  @Field(() => [AppliedPromotionView]) applied!: AppliedPromotionView[];
  @Field(() => Date) at!: Date;
}

/** The promotion overlaps another it may not overlap (same kind, or a flash sale with anything). */
@ObjectType({ implements: () => [ErrorResult] })
export class PromotionConflictError extends ErrorResult {
  @Field(() => [String]) conflictingCodes!: string[];
  @Field(() => [String]) skuCodes!: string[];

  static of(conflictingCodes: string[], skuCodes: string[], why: string): PromotionConflictError {
    return Object.assign(new PromotionConflictError(), { errorCode: 'PROMOTION_CONFLICT', message: why, conflictingCodes, skuCodes });
  }
}

/** The "was" price is above the lowest price listed or charged in the days before the start (划线价 rule). */
@ObjectType({ implements: () => [ErrorResult] })
export class PriceHonestyError extends ErrorResult {
  @Field(() => String) skuCode!: string;
  @Field(() => Int) wasPriceFen!: number;
  @Field(() => Int) lowestPriceFen!: number;
  @Field(() => Int) days!: number;

  static of(skuCode: string, wasPriceFen: number, lowestPriceFen: number, days: number): PriceHonestyError {
    return Object.assign(new PriceHonestyError(), {
      errorCode: 'PRICE_HONESTY',
      message: `The "was" price ${wasPriceFen} fen of ${skuCode} is above its lowest price in the ${days} days before the promotion starts (${lowestPriceFen} fen)`,
      skuCode,
      wasPriceFen,
      lowestPriceFen,
      days,
    });
  }
}
