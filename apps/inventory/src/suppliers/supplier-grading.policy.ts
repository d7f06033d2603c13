import type { InventoryConfig } from '../inventory.config';

/** What grading looks at for one supplier. */
export interface SupplierPerformance {
  /** Receipts on or before the PO's promised date ÷ all receipts (null without receipts). */
  readonly onTimeRate: number | null;
  /** 1 − quality issues ÷ units received (null without receipts). */
  readonly qualityPassRate: number | null;
  /** Cheapest cost for its SKUs ÷ its cost, averaged (1 = cheapest everywhere). */
  readonly costIndex: number;
}

export interface SupplierGrade {
  readonly grade: 'A' | 'B' | 'C' | 'D';
  readonly score: number;
}

/** How suppliers are graded; a shop can weigh things differently. */
export interface SupplierGradingPolicy {
  grade(performance: SupplierPerformance): SupplierGrade | null;
}

export const SUPPLIER_GRADING = Symbol('SUPPLIER_GRADING');

/** Weighted on-time rate, quality pass rate and cost index (default 50/30/20%); A from 0.9, B 0.8, C 0.7 by default. */
export class WeightedSupplierGrading implements SupplierGradingPolicy {
  constructor(private readonly policy: InventoryConfig['supplierGrading']) {}

  grade(p: SupplierPerformance): SupplierGrade | null {
    if (p.onTimeRate === null || p.qualityPassRate === null) return null;
    const { weights, cutoffs } = this.policy;
    const score = Math.round((weights.onTime * p.onTimeRate + weights.quality * p.qualityPassRate + weights.cost * p.costIndex) * 1000) / 1000;
    const grade = score >= cutoffs.a ? 'A' : score >= cutoffs.b ? 'B' : score >= cutoffs.c ? 'C' : 'D';
    return { grade, score };
  }
}

/** Whether a supplier reaches the on-time delivery target; unknown until it has delivered. */
export function meetsOnTimeTarget(onTimeRate: number | null, target: number): boolean | null {
  return onTimeRate === null ? null : onTimeRate >= target;
}
