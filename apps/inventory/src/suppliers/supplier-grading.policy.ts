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

/** Delivery 50%, quality 30%, cost 20%; A from 0.9, B 0.8, C 0.7. */
export class WeightedSupplierGrading implements SupplierGradingPolicy {
  grade(p: SupplierPerformance): SupplierGrade | null {
    if (p.onTimeRate === null || p.qualityPassRate === null) return null;
    const score = Math.round((0.5 * p.onTimeRate + 0.3 * p.qualityPassRate + 0.2 * p.costIndex) * 1000) / 1000;
    const grade = score >= 0.9 ? 'A' : score >= 0.8 ? 'B' : score >= 0.7 ? 'C' : 'D';
    return { grade, score };
  }
}
