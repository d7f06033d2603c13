import { Type } from 'class-transformer';
import { IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../events/define-event';

export class SkuSnapshot {
  @IsUUID() skuId!: string;
  @IsString() @Length(1, 64) code!: string;
  @IsInt() @Min(0) listPriceFen!: number;
  @IsObject() options!: Record<string, string>;
}

export class ProductCreatedPayload {
  @IsUUID() productId!: string;
  @IsString() code!: string;
  @IsString() title!: string;
  @IsOptional() @IsString() categoryCode?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SkuSnapshot) skus!: SkuSnapshot[];
}

export class SkuCreatedPayload extends SkuSnapshot {
  @IsUUID() productId!: string;
  @IsString() productCode!: string;
  @IsOptional() @IsString() categoryCode?: string;
}

export const ProductCreated = defineEvent('catalog.product.created.v1', 'catalog', ProductCreatedPayload);
export const SkuCreated = defineEvent('catalog.sku.created.v1', 'catalog', SkuCreatedPayload);
