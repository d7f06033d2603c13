import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';
import { IsString, Length, Matches } from 'class-validator';

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

/** GraphQL's shape of a line; its rules are checked in reserve-stock-input.ts. */
@InputType()
export class ReserveLineInput {
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantity!: number;
}

/** GraphQL's shape of `reserveStock`'s input; its rules are checked in reserve-stock-input.ts, off class-validator's reflection. */
@InputType()
export class ReserveStockInput {
  @Field(() => String, { defaultValue: 'mall', description: 'Sales channel; own-mall orders use "mall"' })
  channel = 'mall';

  @Field(() => String) orderId!: string;

  @Field(() => [ReserveLineInput])
  lines!: ReserveLineInput[];

  @Field(() => String, { nullable: true, description: '6-digit region code of the delivery address, for routing' })
  region?: string;

  @Field(() => String, { nullable: true }) buyerId?: string;
}

@InputType()
export class OrderKeyInput {
  @Field(() => String) @IsString() @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a lowercase channel name' }) channel!: string;
  @Field(() => String) @IsString() @Length(1, 64) orderId!: string;
}
