import type { ReservationStatus } from '@shopops/contracts';

/**
 * What inventory has heard about one channel order. Events may arrive in any order and more
 * than once, so the reservation is derived from the set of facts, never from the last event.
 */
export interface OrderFacts {
  readonly paid: boolean;
  readonly shipped: boolean;
  readonly completed: boolean;
  readonly cancelled: boolean;
  /** Refunded before the goods left: the stock is free again. */
  readonly refundedBeforeShipping: boolean;
  /** Unpaid when the payment window closed. */
  readonly paymentWindowClosed: boolean;
}

export const NO_FACTS: OrderFacts = {
  paid: false,
  shipped: false,
  completed: false,
  cancelled: false,
  refundedBeforeShipping: false,
  paymentWindowClosed: false,
};

export type TargetStatus = Exclude<ReservationStatus, 'REJECTED'>;

/** Where the facts say the order's stock should be: held, gone with the parcel, or free. */
export function targetStatus(facts: OrderFacts): TargetStatus {
  if (facts.shipped || facts.completed) return 'COMMITTED';
  if (facts.cancelled || facts.refundedBeforeShipping) return 'RELEASED';
  if (facts.paymentWindowClosed && !facts.paid) return 'RELEASED';
  return 'RESERVED';
}

export type StockStep = 'reserve' | 'commit' | 'reserve-and-commit' | 'release' | 'none';

/**
 * The stock operation that moves a reservation from its current status to the target. A
 * rejected order stays rejected; stock that shipped never comes back through here (returns
 * arrive as goods, through customer service).
 */
export function stepTowards(current: ReservationStatus | undefined, target: TargetStatus): StockStep {
  if (current === 'REJECTED' || current === 'COMMITTED') return 'none';
  if (current === undefined || current === 'RELEASED') {
    if (target === 'RESERVED') return 'reserve';
    if (target === 'COMMITTED') return 'reserve-and-commit';
    return 'none';
  }
  // current === 'RESERVED'
  if (target === 'COMMITTED') return 'commit';
  if (target === 'RELEASED') return 'release';
  return 'none';
}
