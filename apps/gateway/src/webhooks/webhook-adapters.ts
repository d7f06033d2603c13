import type { ClassConstructor } from 'class-transformer';
import {
  ChannelLogisticsUpdated,
  ChannelMessageReceived,
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelRefundCompleted,
  ChannelRefundRequested,
  ChannelReviewCreated,
  validatePlain,
  WEBHOOK_DATA_CLASSES,
  WebhookEnvelope,
  type EventDefinition,
  type FieldProblem,
  type WebhookEventType,
} from '@shopops/contracts';

/** Which internal event each integrator event type becomes. */
const INTERNAL_EVENTS: Readonly<Record<WebhookEventType, EventDefinition>> = {
  'order.created': ChannelOrderCreated,
  'order.paid': ChannelOrderPaid,
  'order.cancelled': ChannelOrderCancelled,
  'order.shipped': ChannelOrderShipped,
  'order.completed': ChannelOrderCompleted,
  'refund.requested': ChannelRefundRequested,
  'refund.completed': ChannelRefundCompleted,
  'review.created': ChannelReviewCreated,
  'logistics.updated': ChannelLogisticsUpdated,
  'message.received': ChannelMessageReceived,
};

export interface MappedWebhook {
  readonly type: WebhookEventType;
  readonly occurredAt: string;
  readonly event: EventDefinition;
  readonly payload: object;
}

export type MappingResult = { ok: true; mapped: MappedWebhook } | { ok: false; problems: FieldProblem[] };

/**
 * Validates a parsed body against the envelope and its type's data, and maps it to the internal
 * channel event. The source is the channel; unknown extra fields pass through untouched.
 */
export function mapWebhook(source: string, deliveryId: string, body: unknown): MappingResult {
  const envelope = validatePlain(WebhookEnvelope, body);
  if (!envelope.ok) return envelope;
  const { type, occurredAt, data } = envelope.value;
  const dataClass: ClassConstructor<object> = WEBHOOK_DATA_CLASSES[type];
  const checked = validatePlain(dataClass, data);
  if (!checked.ok) {
    return { ok: false, problems: checked.problems.map((p) => ({ field: `data.${p.field}`, message: `data.${p.message}` })) };
  }
  if (type === 'order.shipped' && !(data as { shipment?: unknown }).shipment) {
    return { ok: false, problems: [{ field: 'data.shipment', message: 'data.shipment is required for order.shipped' }] };
  }
  return {
    ok: true,
    mapped: { type, occurredAt, event: INTERNAL_EVENTS[type], payload: { ...data, channel: source, occurredAt, deliveryId } },
  };
}
