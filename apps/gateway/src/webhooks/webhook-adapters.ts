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
  MAX_FEN,
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
 * Consumers store quantity × unit price and the sum of an order's lines as `integer` fen, so
 * each must fit in `MAX_FEN` as the amounts themselves do.
 */
function lineTotalProblems(data: object): FieldProblem[] {
  const lines = (data as { lines?: Array<{ quantity: number; unitPriceFen: number }> }).lines ?? [];
  const problems: FieldProblem[] = [];
  let sum = 0;
  lines.forEach((line, index) => {
    const lineTotal = line.quantity * line.unitPriceFen;
    sum += lineTotal;
    if (lineTotal > MAX_FEN) {
      problems.push({ field: `data.lines.${index}.unitPriceFen`, message: `data.lines.${index}.unitPriceFen × quantity must be at most ${MAX_FEN} fen` });
    }
  });
  if (problems.length === 0 && sum > MAX_FEN) problems.push({ field: 'data.lines', message: `data.lines must add up to at most ${MAX_FEN} fen` });
  return problems;
}

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
  const overflowing = lineTotalProblems(checked.value);
  if (overflowing.length > 0) return { ok: false, problems: overflowing };
  return {
    ok: true,
    mapped: { type, occurredAt, event: INTERNAL_EVENTS[type], payload: { ...data, channel: source, occurredAt, deliveryId } },
  };
}
