import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export enum ReservationStatusEnum {
  RESERVED = 'RESERVED',
  COMMITTED = 'COMMITTED',
  RELEASED = 'RELEASED',
  REJECTED = 'REJECTED',
}
registerEnumType(ReservationStatusEnum, {
  name: 'ReservationStatus',
  description: 'RESERVED: stock held · COMMITTED: shipped, on hand decremented · RELEASED: given back · REJECTED: could not be filled',
});

@ObjectType()
export class ReservationLine {
  @Field(() => String) skuCode!: string;
  @Field(() => String, { nullable: true, description: 'Where the units are held; null for lines never allocated' }) locationCode!: string | null;
  @Field(() => Int) quantity!: number;
}

/** Stock held for one channel order, idempotent by (channel, orderId). */
@ObjectType()
export class Reservation {
  @Field(() => String) channel!: string;
  @Field(() => String) orderId!: string;
  @Field(() => ReservationStatusEnum) status!: ReservationStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or released' }) reason!: string | null;
  @Field(() => [ReservationLine]) lines!: ReservationLine[];
  @Field(() => Boolean) paid!: boolean;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType({ implements: () => [ErrorResult] })
export class InsufficientStockError extends ErrorResult {
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantityRequested!: number;
  @Field(() => Int) quantityAvailable!: number;
}

@ObjectType({ implements: () => [ErrorResult] })
export class UnknownSkuError extends ErrorResult {
  @Field(() => [String]) skuCodes!: string[];
}

/** The order id was reserved before with different lines. */
@ObjectType({ implements: () => [ErrorResult] })
export class DuplicateOrderError extends ErrorResult {
  @Field(() => String) channel!: string;
  @Field(() => String) orderId!: string;
}

@InputType()
export class ReserveLineInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100_000) quantity!: number;
}

@InputType()
export class ReserveStockInput {
  @Field(() => String, { defaultValue: 'mall', description: 'Sales channel; own-mall orders use "mall"' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a lowercase channel name' })
  channel = 'mall';

  @Field(() => String) @IsString() @Length(1, 64) orderId!: string;

  @Field(() => [ReserveLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReserveLineInput)
  lines!: ReserveLineInput[];

  @Field(() => String, { nullable: true, description: '6-digit region code of the delivery address, for routing' })
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { message: 'region must be a 6-digit administrative division code' })
  region?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 128) buyerId?: string;
}

@InputType()
export class OrderKeyInput {
  @Field(() => String) @IsString() @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a lowercase channel name' }) channel!: string;
  @Field(() => String) @IsString() @Length(1, 64) orderId!: string;
}
