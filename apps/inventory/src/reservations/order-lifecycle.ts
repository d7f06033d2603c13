import type { ReservationStatus } from '@shopops/contracts';
import type { AllocationRow, OrderLine, RefundRecord } from './reservation.types';

/**
 * What inventory has heard about one channel order. Events may arrive in any order and more
 * than once, so the reservation is derived from the set of facts, never from the last event.
 */
export interface OrderFacts {
  readonly paid: boolean;
  readonly shipped: boolean;
  readonly completed: boolean;
  readonly cancelled: boolean;
  /** Every line refunded before the goods left: the stock is free again. */
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

/**
 * The order's lines less what refunds before shipping gave back, per SKU: what stock must still
 * be held and shipped. A refund that names no lines takes the whole order.
 */
export function outstandingLines(lines: readonly OrderLine[], refunds: readonly RefundRecord[]): OrderLine[] {
  if (refunds.some((r) => r.lines.length === 0)) return [];
  const refunded = new Map<string, number>();
  for (const r of refunds) for (const l of r.lines) refunded.set(l.skuCode, (refunded.get(l.skuCode) ?? 0) + l.quantity);
  const outstanding: OrderLine[] = [];
  for (const line of lines) {
    const given = Math.min(line.quantity, refunded.get(line.skuCode) ?? 0);
    refunded.set(line.skuCode, (refunded.get(line.skuCode) ?? 0) - given);
    if (line.quantity > given) outstanding.push({ ...line, quantity: line.quantity - given });
  }
  return outstanding;
}

/** Refunds before shipping that leave nothing of the order to ship. */
export function wholeOrderRefunded(lines: readonly OrderLine[], refunds: readonly RefundRecord[]): boolean {
  if (refunds.length === 0) return false;
  return refunds.some((r) => r.lines.length === 0) || (lines.length > 0 && outstandingLines(lines, refunds).length === 0);
}

/**
 * Splits allocations into what the outstanding lines still need and what a partial refund
 * frees; the units freed come from the locations allocated last (the farther ones).
 */
export function trimAllocations(allocations: readonly AllocationRow[], outstanding: readonly OrderLine[]): { keep: AllocationRow[]; release: AllocationRow[] } {
  const needed = new Map<string, number>();
  for (const l of outstanding) needed.set(l.skuCode, (needed.get(l.skuCode) ?? 0) + l.quantity);
  const allocated = new Map<string, number>();
  for (const a of allocations) allocated.set(a.skuCode, (allocated.get(a.skuCode) ?? 0) + a.quantity);
  const excess = new Map([...allocated].map(([sku, n]) => [sku, Math.max(0, n - (needed.get(sku) ?? 0))]));
  const keep: AllocationRow[] = [];
  const release: AllocationRow[] = [];
  for (const a of [...allocations].reverse()) {
    const freed = Math.min(a.quantity, excess.get(a.skuCode) ?? 0);
    excess.set(a.skuCode, (excess.get(a.skuCode) ?? 0) - freed);
    if (freed > 0) release.unshift({ ...a, quantity: freed });
    if (a.quantity > freed) keep.unshift({ ...a, quantity: a.quantity - freed });
  }
  return { keep, release };
}
