import { backTest, forecastDemand, replenishmentQuantity, seasonalIndex } from './demand-forecast';

/** 10 units on weekdays, 20 on Saturday and Sunday; history ends on a Sunday (6). */
const weekly = (weeks: number) => Array.from({ length: weeks * 7 }, (_, i) => (i % 7 >= 5 ? 20 : 10));

describe('demand forecast', () => {
  it('learns the weekly pattern and projects it forward', () => {
    const history = weekly(8);
    const index = seasonalIndex(history, 6);
    const mean = (5 * 10 + 2 * 20) / 7;
    expect(index[0]).toBeCloseTo(10 / mean, 6);
    expect(index[5]).toBeCloseTo(20 / mean, 6);
    const forecast = forecastDemand(history, 6, 14);
    expect(forecast.daily[0]).toBeCloseTo(10, 6); // Monday
    expect(forecast.daily[5]).toBeCloseTo(20, 6); // Saturday
    expect(forecast.total).toBeCloseTo(2 * (5 * 10 + 2 * 20), 6);
  });

  it('back-tests to zero error on a perfectly weekly series, and reports error on a noisy one', () => {
    expect(backTest(weekly(10), 6)).toEqual({ mape: 0, wape: 0, days: 28 });
    const noisy = weekly(10).map((units, i) => units + (i % 3 === 0 ? 4 : -2));
    const result = backTest(noisy, 6);
    expect(result.mape).toBeGreaterThan(0.05);
    expect(result.mape).toBeLessThan(0.5);
  });

  it('is flat with too little history, and says so when it cannot back-test', () => {
    expect(seasonalIndex([1, 2, 3], 2)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(backTest([1, 2, 3], 2)).toEqual({ mape: null, wape: null, days: 0 });
  });

  it('sizes a replenishment order for lead time plus cover, net of stock and open orders, in MOQ steps', () => {
    const order = { dailyDemand: 4, leadTimeDays: 10, coverDays: 30, safetyStock: 20, available: 30, onOrder: 50, moq: 50 };
    // 4 × 40 + 20 − 30 − 50 = 100 → two MOQs of 50
    expect(replenishmentQuantity(order)).toBe(100);
    expect(replenishmentQuantity({ ...order, moq: 200 })).toBe(200);
    expect(replenishmentQuantity({ ...order, available: 500 })).toBe(0);
  });
});
