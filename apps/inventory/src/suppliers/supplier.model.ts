import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';
import { IsIsoWithOffset } from '@shopops/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export enum PurchaseOrderStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  CONFIRMED = 'CONFIRMED',
  PARTLY_RECEIVED = 'PARTLY_RECEIVED',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PurchaseOrderStatus, { name: 'PurchaseOrderStatus' });

@ObjectType()
export class SkuSupplierLink {
  @Field(() => String) skuCode!: string;
  @Field(() => String) supplierCode!: string;
  @Field(() => Int) leadTimeDays!: number;
  @Field(() => Int, { description: 'Minimum order quantity' }) moq!: number;
  @Field(() => Int) unitCostFen!: number;
  @Field(() => Int, { description: '0 = primary supplier, 1.. = backups in order' }) backupOrder!: number;
}

/** 1+N: a core factory plus flexible ones, graded on delivery, quality and cost. */
@ObjectType()
export class Supplier {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'CORE or FLEXIBLE' }) kind!: string;
  @Field(() => String, { nullable: true }) contact!: string | null;
  @Field(() => String, { nullable: true, description: 'A to D' }) grade!: string | null;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of receipts on or before the promised date' }) onTimeRate!: number | null;
  @Field(() => Float, { description: 'The on-time rate every supplier should reach (INVENTORY_SUPPLIER_ON_TIME_TARGET_PERCENT, default 0.95)' })
  onTimeTarget!: number;
  @Field(() => Boolean, { nullable: true, description: 'False flags a supplier under the on-time target; null before its first receipt' })
  meetsOnTimeTarget!: boolean | null;
  @Field(() => Float, { nullable: true }) qualityPassRate!: number | null;
  @Field(() => Date, { nullable: true }) gradedAt!: Date | null;
}

@ObjectType()
export class PurchaseOrderLine {
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantityOrdered!: number;
  @Field(() => Int) quantityReceived!: number;
  @Field(() => Int) unitCostFen!: number;
}

@ObjectType()
export class PurchaseOrder {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => String) supplierCode!: string;
  @Field(() => PurchaseOrderStatus) status!: PurchaseOrderStatus;
  @Field(() => String) locationCode!: string;
  @Field(() => Date) expectedAt!: Date;
  @Field(() => Int, { description: 'Production progress shared with the supplier' }) progressPercent!: number;
  @Field(() => String, { nullable: true }) progressNote!: string | null;
  @Field(() => [PurchaseOrderLine]) lines!: PurchaseOrderLine[];
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ implements: () => [ErrorResult] })
export class BelowMinimumOrderError extends ErrorResult {
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) moq!: number;
}

@ObjectType({ implements: () => [ErrorResult] })
export class ReceiveExceedsOrderedError extends ErrorResult {
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantityOutstanding!: number;
  @Field(() => Int) quantityReceived!: number;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

@InputType()
export class UpsertSupplierInput {
  @Field(() => String) @IsString() @Length(1, 32) @Matches(CODE, { message: 'code may hold letters, digits, dot, dash and underscore' }) code!: string;
  @Field(() => String) @IsString() @Length(1, 200) name!: string;
  @Field(() => String, { description: 'CORE or FLEXIBLE' }) @IsIn(['CORE', 'FLEXIBLE']) kind!: 'CORE' | 'FLEXIBLE';
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) contact?: string;
}

@InputType()
export class LinkSkuSupplierInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => String) @IsString() @Length(1, 32) supplierCode!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(365) leadTimeDays!: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(1_000_000) moq!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(100_000_000) unitCostFen!: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(20) backupOrder = 0;
}

@InputType()
export class PurchaseLineInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000_000) quantity!: number;
  @Field(() => Int, { nullable: true, description: "Defaults to the supplier's unit cost for the SKU" })
  @IsOptional()
  @IsInt()
  @Min(0)
  unitCostFen?: number;
}

@InputType()
export class CreatePurchaseOrderInput {
  @Field(() => String) @IsString() @Length(1, 32) supplierCode!: string;
  @Field(() => String, { description: 'Where the goods will be received' }) @IsString() @Length(1, 32) locationCode!: string;
  @Field(() => String, { description: 'Promised delivery, ISO 8601 with offset' }) @IsIsoWithOffset() expectedAt!: string;
  @Field(() => [PurchaseLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PurchaseLineInput)
  lines!: PurchaseLineInput[];
}

@InputType()
export class ReceiveLineInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000_000) quantity!: number;
}

@InputType()
export class ReceivePurchaseOrderInput {
  @Field(() => ID) @IsString() @Length(1, 64) purchaseOrderId!: string;
  @Field(() => [ReceiveLineInput]) @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ReceiveLineInput) lines!: ReceiveLineInput[];
}

@InputType()
export class PurchaseOrderProgressInput {
  @Field(() => ID) @IsString() @Length(1, 64) purchaseOrderId!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100) progressPercent!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 500) note?: string;
}
