import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export enum TransferStatus {
  REQUESTED = 'REQUESTED',
  IN_TRANSIT = 'IN_TRANSIT',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TransferStatus, { name: 'TransferStatus' });

/** 调拨: units moving between two locations. Requested units are held at the source. */
@ObjectType()
export class StockTransfer {
  @Field(() => ID) id!: string;
  @Field(() => String) skuCode!: string;
  @Field(() => String) fromLocation!: string;
  @Field(() => String) toLocation!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => TransferStatus) status!: TransferStatus;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String) requestedBy!: string;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, { nullable: true }) dispatchedAt!: Date | null;
  @Field(() => Date, { nullable: true }) receivedAt!: Date | null;
}

@ObjectType({ implements: () => [ErrorResult] })
export class TransferExceedsAvailableError extends ErrorResult {
  @Field(() => String) skuCode!: string;
  @Field(() => String) locationCode!: string;
  @Field(() => Int) quantityRequested!: number;
  @Field(() => Int) quantityAvailable!: number;
}

@InputType()
export class RequestTransferInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => String) @IsString() @Length(1, 32) fromLocation!: string;
  @Field(() => String) @IsString() @Length(1, 32) toLocation!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}
