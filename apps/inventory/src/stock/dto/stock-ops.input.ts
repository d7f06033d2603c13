import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, Min, NotEquals } from 'class-validator';

@InputType()
export class AdjustStockInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => String) @IsString() @Length(1, 32) locationCode!: string;
  @Field(() => Int, { description: 'Units to add (positive) or remove (negative); not 0' })
  @IsInt()
  @NotEquals(0, { message: 'delta must not be 0' })
  @Min(-1_000_000)
  @Max(1_000_000)
  delta!: number;
  @Field(() => String) @IsString() @Length(1, 500) reason!: string;
}

@InputType()
export class RecordStockCountInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => String) @IsString() @Length(1, 32) locationCode!: string;
  @Field(() => Int, { description: 'Units physically counted' }) @IsInt() @Min(0) @Max(10_000_000) counted!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

@InputType()
export class SetStockPolicyInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => String) @IsString() @Length(1, 32) locationCode!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(10_000_000) safetyStock!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10_000_000) reorderPoint!: number;
}
