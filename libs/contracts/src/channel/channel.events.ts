import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../events/define-event';
import { IsIsoWithOffset } from '../webhooks/iso-timestamp';
import { LogisticsData, MessageData, OrderData, RefundData, ReviewData } from '../webhooks/webhook-payloads';

/**
 * Internal events the gateway derives from integrators' webhooks. Each keeps the integrator's
 * data as sent, plus where it came from (`channel` is the webhook source) and when it happened,
 * except the buyer's phone and nickname: those travel sealed (PiiVault), never in clear.
 */
const CHANNEL = /^[a-z][a-z0-9-]{0,31}$/;

/** The buyer as events carry it: the account in clear, phone and nickname sealed, the phone's lookup hash. */
export class ChannelBuyer {
  @IsString() @Length(1, 128) platformUserId!: string;
  @IsOptional() @IsString() @Length(1, 512) nicknameSealed?: string;
  @IsOptional() @IsString() @Length(1, 512) phoneSealed?: string;
  @IsOptional() @IsString() @Length(1, 128) phoneHash?: string;
}

export class ChannelOrderPayload extends OrderData {
  @ValidateNested() @Type(() => ChannelBuyer) @IsObject() declare buyer: ChannelBuyer;
  @Matches(CHANNEL) channel!: string;
  @IsIsoWithOffset() occurredAt!: string;
  @IsString() @Length(1, 255) deliveryId!: string;
}

export class ChannelRefundPayload extends RefundData {
  @Matches(CHANNEL) channel!: string;
  @IsIsoWithOffset() occurredAt!: string;
  @IsString() @Length(1, 255) deliveryId!: string;
}

export class ChannelReviewPayload extends ReviewData {
  @ValidateNested() @Type(() => ChannelBuyer) @IsObject() declare buyer: ChannelBuyer;
  @Matches(CHANNEL) channel!: string;
  @IsIsoWithOffset() occurredAt!: string;
  @IsString() @Length(1, 255) deliveryId!: string;
}

export class ChannelLogisticsPayload extends LogisticsData {
  @Matches(CHANNEL) channel!: string;
  @IsIsoWithOffset() occurredAt!: string;
  @IsString() @Length(1, 255) deliveryId!: string;
}

export class ChannelMessagePayload extends MessageData {
  @ValidateNested() @Type(() => ChannelBuyer) @IsObject() declare buyer: ChannelBuyer;
  @Matches(CHANNEL) channel!: string;
  @IsIsoWithOffset() occurredAt!: string;
  @IsString() @Length(1, 255) deliveryId!: string;
}

export const ChannelOrderCreated = defineEvent('channel.order.created.v1', 'gateway', ChannelOrderPayload);
export const ChannelOrderPaid = defineEvent('channel.order.paid.v1', 'gateway', ChannelOrderPayload);
export const ChannelOrderCancelled = defineEvent('channel.order.cancelled.v1', 'gateway', ChannelOrderPayload);
export const ChannelOrderShipped = defineEvent('channel.order.shipped.v1', 'gateway', ChannelOrderPayload);
export const ChannelOrderCompleted = defineEvent('channel.order.completed.v1', 'gateway', ChannelOrderPayload);
export const ChannelRefundRequested = defineEvent('channel.refund.requested.v1', 'gateway', ChannelRefundPayload);
export const ChannelRefundCompleted = defineEvent('channel.refund.completed.v1', 'gateway', ChannelRefundPayload);
export const ChannelReviewCreated = defineEvent('channel.review.created.v1', 'gateway', ChannelReviewPayload);
export const ChannelLogisticsUpdated = defineEvent('channel.logistics.updated.v1', 'gateway', ChannelLogisticsPayload);
export const ChannelMessageReceived = defineEvent('channel.message.received.v1', 'gateway', ChannelMessagePayload);

export const CHANNEL_ORDER_EVENTS = [ChannelOrderCreated, ChannelOrderPaid, ChannelOrderCancelled, ChannelOrderShipped, ChannelOrderCompleted] as const;
export const CHANNEL_REFUND_EVENTS = [ChannelRefundRequested, ChannelRefundCompleted] as const;
