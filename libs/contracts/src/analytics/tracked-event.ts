import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../events/define-event';
import { IsFen } from '../money';
import { IsIsoWithOffset } from '../webhooks/iso-timestamp';

/** Behaviour events clients send to POST /events (storefront, mini-program, live room…). */
export const TRACKED_EVENT_TYPES = [
  'search',
  'click',
  'product_view',
  'add_to_cart',
  'checkout',
  'order',
  'payment',
  'refund',
  'review',
  'share',
  'chat',
  'campaign_touch',
  'experiment_exposure',
] as const;
export type TrackedEventType = (typeof TRACKED_EVENT_TYPES)[number];

export const DEVICES = ['mobile', 'pc', 'tablet', 'app', 'mini_program'] as const;
export const TRAFFIC_SOURCES = ['organic_search', 'paid_search', 'feed', 'display', 'affiliate', 'kol', 'private_domain', 'live', 'direct'] as const;

export class ExperimentTouch {
  @IsString() @Length(1, 64) key!: string;
  @IsString() @Length(1, 64) variant!: string;
}

export class TrackedEvent {
  /** Client-generated, unique: a resent event is ignored. */
  @IsString() @Length(8, 64) @Matches(/^[A-Za-z0-9_.:-]+$/) eventId!: string;
  @IsIn(TRACKED_EVENT_TYPES) type!: TrackedEventType;
  @IsIsoWithOffset() occurredAt!: string;
  /** A member id when signed in, otherwise an anonymous device/visitor id (one of them). */
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 128) anonymousId?: string;
  @IsOptional() @IsString() @Length(1, 128) sessionId?: string;
  @IsString() @Matches(/^[a-z][a-z0-9-]{0,31}$/) channel!: string;
  @IsIn(DEVICES) device!: (typeof DEVICES)[number];
  @IsIn(TRAFFIC_SOURCES) source!: (typeof TRAFFIC_SOURCES)[number];
  @IsOptional() @IsString() @Length(1, 64) campaign?: string;
  /** KOL / affiliate / live room that brought the visit. */
  @IsOptional() @IsString() @Length(1, 64) referrer?: string;
  @IsOptional() @IsString() @Length(1, 64) skuCode?: string;
  @IsOptional() @IsString() @Length(1, 64) productCode?: string;
  @IsOptional() @IsString() @Length(1, 200) query?: string;
  @IsOptional() @IsString() @Length(1, 64) orderId?: string;
  @IsOptional() @IsFen() amountFen?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100_000) quantity?: number;
  @IsOptional() @ValidateNested() @Type(() => ExperimentTouch) @IsObject() experiment?: ExperimentTouch;
  @IsOptional() @IsObject() properties?: Record<string, string | number | boolean>;
}

/** A batch accepted at the gateway's POST /events; only valid events are in it. */
export class TrackedEventsReceivedPayload {
  @IsString() clientId!: string;
  @IsIsoWithOffset() receivedAt!: string;
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => TrackedEvent) events!: TrackedEvent[];
}

export const TrackedEventsReceived = defineEvent('gateway.tracked-events.received.v1', 'gateway', TrackedEventsReceivedPayload);
