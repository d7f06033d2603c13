import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PortfolioRole } from '../product.entity';

export const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const CODE_MESSAGE = 'may hold letters, digits, dot, dash and underscore';

@InputType()
export class SkuOptionInput {
  @Field(() => String) @IsString() @Length(1, 32) name!: string;
  @Field(() => String) @IsString() @Length(1, 64) value!: string;
}

@InputType()
export class CreateSkuInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => Int, { description: 'List price in fen; 0 or more' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  listPriceFen!: number;

  @Field(() => [SkuOptionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => SkuOptionInput)
  options?: SkuOptionInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{8,14}$/, { message: 'barcode must be 8 to 14 digits (EAN/UPC/GTIN)' })
  barcode?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  weightGrams?: number;
}

@InputType()
export class MaterialInput {
  @Field(() => String) @IsString() @Length(1, 64) name!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) sharePercent!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 64) certification?: string;
}

/** Descriptive fields shared by create and update; every one optional. */
@InputType({ isAbstract: true })
export abstract class ProductDetailsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) subtitle?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 64) categoryCode?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 40, { each: true }) keywords?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 80) brand?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 4000) brandStory?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 4000) designerNotes?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 32, { each: true }) tags?: string[];
  @Field(() => [MaterialInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MaterialInput)
  materials?: MaterialInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 2000) care?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) carbonFootprintGrams?: number;
  @Field(() => PortfolioRole, { nullable: true }) @IsOptional() @IsEnum(PortfolioRole) portfolioRole?: PortfolioRole;
}

@InputType()
export class CreateProductInput extends ProductDetailsInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => [CreateSkuInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreateSkuInput)
  skus!: CreateSkuInput[];
}

@InputType()
export class UpdateProductInput extends ProductDetailsInput {
  @Field(() => String) @IsString() @Length(1, 64) code!: string;

  @Field(() => Int, { nullable: true, description: 'Refuse the change if the product is no longer at this version (optimistic locking)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) title?: string;

  @Field(() => [CreateSkuInput], { nullable: true, description: 'New SKUs to add' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreateSkuInput)
  addSkus?: CreateSkuInput[];
}
