import type { ReservationStatus } from '@shopops/contracts';
import type { OrderFacts } from './order-lifecycle';

export type OrderFact = 'created' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded' | 'paymentWindowClosed';

export interface OrderLine {
  readonly skuCode: string;
  readonly quantity: number;
  readonly unitPriceFen?: number;
}

/** One thing learned about a channel order: a webhook event, an own-mall call, a timer. */
export interface OrderUpdate {
  readonly channel: string;
  readonly orderId: string;
  readonly fact: OrderFact;
  readonly lines?: readonly OrderLine[];
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
