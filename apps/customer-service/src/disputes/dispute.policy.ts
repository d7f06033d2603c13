export type DisputeClaim = 'NOT_RECEIVED' | 'LOST_IN_TRANSIT' | 'DAMAGED_IN_TRANSIT' | 'QUALITY' | 'NOT_AS_DESCRIBED' | 'OTHER';

export interface DisputeFacts {
  readonly claim: DisputeClaim;
  readonly amountFen: number;
  readonly evidence: readonly string[];
  readonly complex: boolean;
  /** The order as the channel reported it: CREATED, PAID, SHIPPED, COMPLETED, CANCELLED; null when unknown. */
  readonly orderStatus: string | null;
  /** What tracking says: true once the carrier reported delivery, false while it has not, null without tracking. */
  readonly delivered: boolean | null;
}

export interface DisputeRuling {
  readonly grade: 'ORDINARY' | 'EXPERT';
  /** For ordinary disputes: who the rules side with, and which rule fired. */
  readonly decision?: 'BUYER' | 'SELLER';
  readonly rule?: string;
  /** 先行赔付: paid to the buyer now, recovered from the carrier or supplier later. */
  readonly compensationFen?: number;
  /** Money refunded to the buyer now (the disputed amount), when the rule is a refund. */
  readonly refundFen?: number;
}

export interface DisputePolicy {
  rule(facts: DisputeFacts): DisputeRuling;
}

export const DISPUTE_POLICY = Symbol('DISPUTE_POLICY');

/**
 * Large (above `expertAboveFen`), complex or unclassified disputes go to the expert queue;
 * ordinary ones are decided by the first rule that fits, which is recorded with the decision.
 */
export class GradedDisputePolicy implements DisputePolicy {
  constructor(private readonly limits: { expertAboveFen: number; advanceCompensationMaxFen: number }) {}

  rule(f: DisputeFacts): DisputeRuling {
    if (f.complex || f.amountFen > this.limits.expertAboveFen || f.claim === 'OTHER') return { grade: 'EXPERT' };
    const status = orderStatusKind(f.orderStatus);
    // No rule decides for or against an order the shop cannot see, or one already cancelled.
    if (status === 'unknown' || status === 'cancelled') return { grade: 'EXPERT' };
    const compensation = f.amountFen <= this.limits.advanceCompensationMaxFen ? f.amountFen : 0;
    switch (f.claim) {
      case 'NOT_RECEIVED':
      case 'LOST_IN_TRANSIT':
        if (status === 'unshipped')
          return { grade: 'ORDINARY', decision: 'BUYER', rule: 'never-shipped: full refund', compensationFen: 0, refundFen: f.amountFen };
        if (f.delivered !== true)
          return { grade: 'ORDINARY', decision: 'BUYER', rule: 'shipped-not-delivered: compensate now, claim from the carrier', compensationFen: compensation };
        // The carrier says delivered: without the buyer's evidence the tracking stands; with it, a person looks.
        return f.evidence.length ? { grade: 'EXPERT' } : { grade: 'ORDINARY', decision: 'SELLER', rule: 'delivered-per-tracking' };
      case 'DAMAGED_IN_TRANSIT':
        return f.evidence.length
          ? { grade: 'ORDINARY', decision: 'BUYER', rule: 'damage-with-photos: compensate now, claim from the carrier', compensationFen: compensation }
          : { grade: 'ORDINARY', decision: 'SELLER', rule: 'damage-without-evidence' };
      case 'QUALITY':
      case 'NOT_AS_DESCRIBED':
        return f.evidence.length
          ? { grade: 'ORDINARY', decision: 'BUYER', rule: 'defect-with-evidence: refund', compensationFen: 0, refundFen: f.amountFen }
          : { grade: 'ORDINARY', decision: 'SELLER', rule: 'defect-without-evidence' };
      default:
        return { grade: 'EXPERT' };
    }
  }
}

function orderStatusKind(status: string | null): 'unknown' | 'cancelled' | 'unshipped' | 'shipped' {
  switch (status) {
    case 'CREATED':
    case 'PAID':
      return 'unshipped';
    case 'SHIPPED':
    case 'COMPLETED':
      return 'shipped';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'unknown';
  }
}
