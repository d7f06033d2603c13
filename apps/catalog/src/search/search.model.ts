import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { PageArgs } from '@shopops/platform';
import { LifecycleStageValue, PortfolioRole, ProductStatus } from '../products/product.entity';

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'A category and everything under it' }) @IsOptional() @IsString() @Length(1, 64) categoryCode?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 64) collectionCode?: string;
  @Field(() => Int, { nullable: true, description: 'Price band: some SKU at or above (fen)' }) @IsOptional() @IsInt() @Min(0) minPriceFen?: number;
  @Field(() => Int, { nullable: true, description: 'Price band: some SKU at or below (fen)' }) @IsOptional() @IsInt() @Min(0) maxPriceFen?: number;
  @Field(() => [PortfolioRole], { nullable: true }) @IsOptional() @ArrayMaxSize(6) @IsEnum(PortfolioRole, { each: true }) roles?: PortfolioRole[];
  @Field(() => [LifecycleStageValue], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(LifecycleStageValue, { each: true })
  stages?: LifecycleStageValue[];
  @Field(() => [String], { nullable: true, description: 'Products carrying all of these tags' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  tags?: string[];
  @Field(() => [ProductStatus], { nullable: true, description: 'Default: DRAFT and ON_SALE' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(ProductStatus, { each: true })
  statuses?: ProductStatus[];
}

@ArgsType()
export class SearchProductsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Keywords, Chinese or English, e.g. "真丝 衬衫", "silk", a SKU code' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  query?: string;

  @Field(() => ProductFilter, { nullable: true }) @IsOptional() filter?: ProductFilter;
}
