import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import { PageArgs, PageInfo, type Page } from '@shopops/platform';
import { LifecycleStageValue, PortfolioRole, Product, ProductStatus } from '../products/product.entity';

/** What a product can sell right now, from inventory's published stock. */
export enum StockStatus {
  IN_STOCK = 'IN_STOCK',
  LOW = 'LOW',
  OUT = 'OUT',
}
registerEnumType(StockStatus, {
  name: 'StockStatus',
  description: 'Sellable units over all SKUs: none (OUT), at most the low-stock threshold (LOW), more (IN_STOCK)',
});

/** The stock status of `available` sellable units. */
export function stockStatusOf(available: number, lowStockUnits: number): StockStatus {
  if (available <= 0) return StockStatus.OUT;
  return available <= lowStockUnits ? StockStatus.LOW : StockStatus.IN_STOCK;
}

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
  @Field(() => StockStatus, { nullable: true, description: 'Products whose sellable stock is in this state' })
  @IsOptional()
  @IsEnum(StockStatus)
  stockStatus?: StockStatus;
}

@ArgsType()
export class SearchProductsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Keywords, Chinese or English, e.g. "真丝 衬衫", "silk", a SKU code' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  query?: string;

  // Nested: without these the filter's own limits (lengths, bounds, list sizes) went unchecked.
  @Field(() => ProductFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ProductFilter) filter?: ProductFilter;
}

/** A page of products, with how many match in all. */
@ObjectType('ProductConnection')
export class ProductConnection implements Page<Product> {
  @Field(() => [Product]) nodes!: Product[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Products matching the query and filters, over every page' }) totalCount!: number;
}
