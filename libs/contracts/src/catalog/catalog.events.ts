import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../events/define-event';
import { IsIsoWithOffset } from '../webhooks/iso-timestamp';

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
  /** The product's tags (styles such as minimalist or office among them): membership's style tags come from these. */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 64, { each: true }) tags?: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => SkuSnapshot) skus!: SkuSnapshot[];
}

export class SkuCreatedPayload extends SkuSnapshot {
  @IsUUID() productId!: string;
  @IsString() productCode!: string;
  @IsOptional() @IsString() categoryCode?: string;
}

export const ProductCreated = defineEvent('catalog.product.created.v1', 'catalog', ProductCreatedPayload);
export const SkuCreated = defineEvent('catalog.sku.created.v1', 'catalog', SkuCreatedPayload);

/** A time-boxed promotion went live or ended. Flash sales carry their caps for inventory. */
export const PROMOTION_KINDS = ['FLASH_SALE', 'MULTI_BUY', 'SPEND_AND_SAVE', 'COUPON'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

export class PromotionPayload {
  @IsUUID() promotionId!: string;
  @IsString() code!: string;
  @IsIn(PROMOTION_KINDS) kind!: PromotionKind;
  @IsArray() @IsString({ each: true }) skuCodes!: string[];
  @IsIsoWithOffset() startsAt!: string;
  @IsIsoWithOffset() endsAt!: string;
  /** Flash sale: units that may be sold at the promotion price in total (all channels). */
  @IsOptional() @IsInt() @Min(1) quantityCap?: number;
  /** Flash sale: units one buyer may buy at the promotion price (all channels). */
  @IsOptional() @IsInt() @Min(1) perBuyerLimit?: number;
  @IsOptional() @IsInt() @Min(0) promotionPriceFen?: number;
}

/**
 * A collection's limited run (限量, e.g. an IP collaboration of 2,000 pieces) as it now stands, over
 * the SKUs of its products: inventory refuses sales past it. Sent on every change; `version` orders them.
 */
export class CollectionRunPayload {
  @IsUUID() collectionId!: string;
  @IsString() code!: string;
  @IsInt() @Min(1) version!: number;
  /** Units that may be sold in all, on every channel; absent when the collection has no run. */
  @IsOptional() @IsInt() @Min(1) limitedRun?: number;
  @IsArray() @IsString({ each: true }) skuCodes!: string[];
}

export const CollectionRunChanged = defineEvent('catalog.collection.run-changed.v1', 'catalog', CollectionRunPayload);

export const PromotionStarted = defineEvent('catalog.promotion.started.v1', 'catalog', PromotionPayload);
export const PromotionEnded = defineEvent('catalog.promotion.ended.v1', 'catalog', PromotionPayload);

/** A product's details changed; `version` lets consumers ignore stale updates. */
export class ProductChangedPayload {
  @IsUUID() productId!: string;
  @IsString() code!: string;
  @IsInt() @Min(1) version!: number;
  @IsString() title!: string;
  @IsOptional() @IsString() categoryCode?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 64, { each: true }) tags?: string[];
  @IsArray() @IsString({ each: true }) changedFields!: string[];
  @IsIn(['DRAFT', 'ON_SALE', 'ARCHIVED']) status!: string;
}

export const ProductUpdated = defineEvent('catalog.product.updated.v1', 'catalog', ProductChangedPayload);
export const ProductArchived = defineEvent('catalog.product.archived.v1', 'catalog', ProductChangedPayload);

export class PriceChangedPayload {
  @IsUUID() skuId!: string;
  @IsString() skuCode!: string;
  @IsIn(['LIST', 'TIER']) kind!: 'LIST' | 'TIER';
  @IsOptional() @IsString() tierCode?: string;
  @IsOptional() @IsInt() @Min(0) previousPriceFen?: number;
  @IsInt() @Min(0) priceFen!: number;
}

export const PriceChanged = defineEvent('catalog.price.changed.v1', 'catalog', PriceChangedPayload);

export const LIFECYCLE_STAGES = ['INCUBATION', 'GROWTH', 'MATURE', 'DECLINE', 'EXIT'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export class LifecycleChangedPayload {
  @IsUUID() productId!: string;
  @IsString() code!: string;
  @IsIn(LIFECYCLE_STAGES) from!: LifecycleStage;
  @IsIn(LIFECYCLE_STAGES) to!: LifecycleStage;
  @IsString() @Length(1, 500) reason!: string;
  @IsString() actor!: string;
}

export const LifecycleChanged = defineEvent('catalog.product.lifecycle-changed.v1', 'catalog', LifecycleChangedPayload);
