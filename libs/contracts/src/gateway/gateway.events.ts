import { IsString, IsUUID } from 'class-validator';
import { AnomalyDetected, AnomalyResolved } from '../analytics/analytics.events';
import { ProductCreated, PromotionEnded, PromotionStarted } from '../catalog/catalog.events';
import { CompensationPaid, QualityIssueOpened, RefundIssued, ReviewSpikeDetected } from '../customer-service/customer-service.events';
import { defineEvent, type EventDefinition } from '../events/define-event';
import { ChannelStockChanged, ReservationChanged, SlowMovingStockDetected, StockLow } from '../inventory/inventory.events';
import {
  AbandonedCartReminder,
  BirthdayGreeting,
  CouponIssued,
  CouponRedeemed,
  IdentityVerificationRequested,
  MemberDormant,
  PointsChanged,
  PointsExpiring,
  RepurchaseReminder,
  TierChanged,
} from '../membership/membership.events';

/** The gateway's own timer: an outbound message is due for (another) delivery attempt. */
export class OutboundDeliveryDuePayload {
  @IsUUID() messageId!: string;
}

export class WebhookEndpointDisabledPayload {
  @IsUUID() endpointId!: string;
  @IsString() url!: string;
  @IsString() reason!: string;
}

export const OutboundDeliveryDue = defineEvent('gateway.outbound.delivery-due.v1', 'gateway', OutboundDeliveryDuePayload);
export const WebhookEndpointDisabled = defineEvent('gateway.webhook-endpoint.disabled.v1', 'gateway', WebhookEndpointDisabledPayload);

/**
 * Events integrators can subscribe to with outbound webhooks. Their public type is the internal
 * type without its version (`inventory.channel-stock.changed`); payloads are the contract's.
 */
export const OUTBOUND_EVENTS: readonly EventDefinition[] = [
  ProductCreated,
  PromotionStarted,
  PromotionEnded,
  ReservationChanged,
  StockLow,
  ChannelStockChanged,
  SlowMovingStockDetected,
  PointsChanged,
  TierChanged,
  MemberDormant,
  CouponIssued,
  CouponRedeemed,
  PointsExpiring,
  BirthdayGreeting,
  RepurchaseReminder,
  AbandonedCartReminder,
  IdentityVerificationRequested,
  ReviewSpikeDetected,
  QualityIssueOpened,
  RefundIssued,
  CompensationPaid,
  AnomalyDetected,
  AnomalyResolved,
  WebhookEndpointDisabled,
];

export function publicEventType(internalType: string): string {
  return internalType.replace(/\.v\d+$/, '');
}
