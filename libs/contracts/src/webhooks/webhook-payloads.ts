import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsFen } from '../money';
import { IsIsoWithOffset } from './iso-timestamp';

/** The integrator-facing payloads of CONTRACT.md ("Envelope"); amounts are integer fen. */

export const WEBHOOK_EVENT_TYPES = [
  'order.created',
  'order.paid',
  'order.cancelled',
  'order.shipped',
  'order.completed',
  'refund.requested',
  'refund.completed',
  'review.created',
  'logistics.updated',
  'message.received',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const ORDER_WEBHOOK_TYPES = ['order.created', 'order.paid', 'order.cancelled', 'order.shipped', 'order.completed'] as const;
export const REFUND_WEBHOOK_TYPES = ['refund.requested', 'refund.completed'] as const;

export class BuyerData {
  @IsString() @Length(1, 128) platformUserId!: string;
  @IsOptional() @IsString() @MaxLength(64) nickname?: string;
  @IsOptional() @IsString() @Matches(/^\+?[0-9]{6,15}$/, { message: 'phone must be 6 to 15 digits' }) phone?: string;
}

export class OrderLineData {
  @IsString() @Length(1, 64) skuCode!: string;
  @IsInt() @Min(1) @Max(100_000) quantity!: number;
  @IsFen() unitPriceFen!: number;
}

export class ShipmentData {
  @IsString() @Length(1, 32) carrier!: string;
  @IsString() @Length(1, 64) trackingNo!: string;
  @IsOptional() @IsString() @Length(1, 32) locationCode?: string;
}

export class OrderData {
  @IsString() @Length(1, 64) orderId!: string;
  @ValidateNested() @Type(() => BuyerData) @IsObject() buyer!: BuyerData;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OrderLineData)
  lines!: OrderLineData[];
  @IsFen() totalFen!: number;
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'region must be a 6-digit administrative division code' })
  region?: string;
  @IsIsoWithOffset() placedAt!: string;
  @IsOptional() @ValidateNested() @Type(() => ShipmentData) @IsObject() shipment?: ShipmentData;
}

export class RefundData {
  @IsString() @Length(1, 64) orderId!: string;
  @IsString() @Length(1, 64) refundId!: string;
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OrderLineData) lines!: OrderLineData[];
  @IsFen() amountFen!: number;
  @IsString() @MaxLength(500) reason!: string;
}

/** The marketplace's detailed seller ratings (DSR, 1–5 each) that came with a review, where it sends them. */
export class DsrRatingsData {
  @IsOptional() @IsInt() @Min(1) @Max(5) description?: number;
  @IsOptional() @IsInt() @Min(1) @Max(5) service?: number;
  @IsOptional() @IsInt() @Min(1) @Max(5) logistics?: number;
}

export class ReviewData {
  @IsString() @Length(1, 64) reviewId!: string;
  @IsString() @Length(1, 64) orderId!: string;
  @IsString() @Length(1, 64) skuCode!: string;
  @ValidateNested() @Type(() => BuyerData) @IsObject() buyer!: BuyerData;
  @IsInt() @Min(1) @Max(5) rating!: number;
  @IsString() @MaxLength(5000) text!: string;
  @IsArray() @ArrayMaxSize(20) @IsUrl({ require_protocol: true }, { each: true }) images!: string[];
  @IsIsoWithOffset() createdAt!: string;
  /** Optional extra beyond CONTRACT.md's fields. */
  @IsOptional() @ValidateNested() @Type(() => DsrRatingsData) @IsObject() dsr?: DsrRatingsData;
}

export const LOGISTICS_STATUSES = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export type LogisticsStatus = (typeof LOGISTICS_STATUSES)[number];

export class LogisticsData {
  @IsString() @Length(1, 64) trackingNo!: string;
  @IsString() @Length(1, 32) carrier!: string;
  @IsIn(LOGISTICS_STATUSES) status!: LogisticsStatus;
  @IsIsoWithOffset() at!: string;
  @IsOptional() @IsString() @MaxLength(1000) detail?: string;
}

export class MessageData {
  @IsString() @Length(1, 128) conversationId!: string;
  @ValidateNested() @Type(() => BuyerData) @IsObject() buyer!: BuyerData;
  @IsString() @Length(1, 5000) text!: string;
  @IsIsoWithOffset() at!: string;
}

export class WebhookEnvelope {
  @IsIn(WEBHOOK_EVENT_TYPES, { message: `type must be one of: ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  type!: WebhookEventType;
  @IsIsoWithOffset() occurredAt!: string;
  @IsObject() data!: Record<string, unknown>;
}

/** Which class validates `data` for each envelope type. */
export const WEBHOOK_DATA_CLASSES = {
  'order.created': OrderData,
  'order.paid': OrderData,
  'order.cancelled': OrderData,
  'order.shipped': OrderData,
  'order.completed': OrderData,
  'refund.requested': RefundData,
  'refund.completed': RefundData,
  'review.created': ReviewData,
  'logistics.updated': LogisticsData,
  'message.received': MessageData,
} as const;
