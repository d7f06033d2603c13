import type { ReservationStatus } from '@shopops/contracts';
import type { OrderFacts } from './order-lifecycle';

export type OrderFact = 'created' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded' | 'paymentWindowClosed';

export interface OrderLine {
  readonly skuCode: string;
  readonly quantity: number;
  readonly unitPriceFen?: number;
}

/** A refund the channel completed: which lines and quantities it gave the buyer money back for. */
export interface RefundRecord {
  readonly refundId: string;
  /** Empty: the refund names no lines, so it covers the whole order. */
  readonly lines: readonly OrderLine[];
}

/** One thing learned about a channel order: a webhook event, an own-mall call, a timer. */
export interface OrderUpdate {
  readonly channel: string;
  readonly orderId: string;
  readonly fact: OrderFact;
  /** The order's lines; a refund's lines travel in `refund`, never here. */
  readonly lines?: readonly OrderLine[];
  readonly refund?: RefundRecord;
  readonly region?: string;
  readonly buyerId?: string;
  readonly placedAt?: string;
}

export interface AllocationRow {
  readonly skuCode: string;
  readonly locationCode: string;
  readonly quantity: number;
}

/** A reservation as the engine holds it while deciding. */
export interface ReservationState {
  readonly channel: string;
  readonly orderId: string;
  status: ReservationStatus | undefined;
  reason: string | null;
  lines: OrderLine[];
  /** Refunds completed before shipping, one per refund id (a replay adds nothing). */
  refunds: RefundRecord[];
  region: string | null;
  buyerId: string | null;
  placedAt: string | null;
  /** Unpaid and reserved: when the payment window closes (swept by PaymentWindows). */
  paymentDueAt: string | null;
  facts: OrderFacts;
  allocations: AllocationRow[];
  /** Status when the batch began, to know what changed. */
  readonly initialStatus: ReservationStatus | undefined;
  allocationsChanged: boolean;
  createdNow: boolean;
  readonly createdAt: Date;
}

export const reservationKey = (channel: string, orderId: string): string => `${channel}\u0000${orderId}`;
