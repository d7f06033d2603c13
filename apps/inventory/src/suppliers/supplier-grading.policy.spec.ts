import { loadInventoryConfig } from '../inventory.config';
import { meetsOnTimeTarget, WeightedSupplierGrading } from './supplier-grading.policy';

describe('supplier grading', () => {
  const defaults = new WeightedSupplierGrading(loadInventoryConfig({}).supplierGrading);

  it('weighs on-time 50%, quality 30% and cost 20%, with A from 0.9, B 0.8 and C 0.7 by default', () => {
    expect(defaults.grade({ onTimeRate: 1, qualityPassRate: 1, costIndex: 1 })).toEqual({ grade: 'A', score: 1 });
    expect(defaults.grade({ onTimeRate: 0.8, qualityPassRate: 1, costIndex: 1 })).toEqual({ grade: 'A', score: 0.9 });
    expect(defaults.grade({ onTimeRate: 0.6, qualityPassRate: 1, costIndex: 1 })).toEqual({ grade: 'B', score: 0.8 });
    expect(defaults.grade({ onTimeRate: 1, qualityPassRate: 0, costIndex: 1 })).toEqual({ grade: 'C', score: 0.7 });
    expect(defaults.grade({ onTimeRate: 1, qualityPassRate: 0, costIndex: 0.9 })).toEqual({ grade: 'D', score: 0.68 });
    expect(defaults.grade({ onTimeRate: null, qualityPassRate: 1, costIndex: 1 })).toBeNull();
    expect(defaults.grade({ onTimeRate: 1, qualityPassRate: null, costIndex: 1 })).toBeNull();
  });

  it('follows the weights and cut-offs a shop configures', () => {
    const onTimeFirst = new WeightedSupplierGrading(
      loadInventoryConfig({
        INVENTORY_SUPPLIER_WEIGHT_ON_TIME_PERCENT: '80',
        INVENTORY_SUPPLIER_WEIGHT_QUALITY_PERCENT: '10',
        INVENTORY_SUPPLIER_WEIGHT_COST_PERCENT: '10',
        INVENTORY_SUPPLIER_GRADE_A_PERCENT: '95',
        INVENTORY_SUPPLIER_GRADE_B_PERCENT: '85',
        INVENTORY_SUPPLIER_GRADE_C_PERCENT: '50',
      }).supplierGrading,
    );
    const lateButFlawless = { onTimeRate: 0.6, qualityPassRate: 1, costIndex: 1 };
    expect(defaults.grade(lateButFlawless)).toEqual({ grade: 'B', score: 0.8 });
    expect(onTimeFirst.grade(lateButFlawless)).toEqual({ grade: 'C', score: 0.68 });
    const punctual = { onTimeRate: 1, qualityPassRate: 0.6, costIndex: 0.9 };
    expect(defaults.grade(punctual)).toEqual({ grade: 'B', score: 0.86 });
    expect(onTimeFirst.grade(punctual)).toEqual({ grade: 'A', score: 0.95 });
  });

  it('flags a supplier under the on-time target, and says nothing before its first receipt', () => {
    expect(meetsOnTimeTarget(0.95, 0.95)).toBe(true);
    expect(meetsOnTimeTarget(0.949, 0.95)).toBe(false);
    const target = (percent?: string) =>
      loadInventoryConfig(percent ? { INVENTORY_SUPPLIER_ON_TIME_TARGET_PERCENT: percent } : {}).supplierGrading.onTimeTarget;
    expect(meetsOnTimeTarget(0.92, target())).toBe(false);
    expect(meetsOnTimeTarget(0.92, target('90'))).toBe(true);
    expect(meetsOnTimeTarget(null, 0.95)).toBeNull();
  });
});
