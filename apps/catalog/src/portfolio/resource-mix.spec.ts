import { resourceMix } from './resource-mix';

const TARGET = { CORE: 40, POTENTIAL: 30, TEST: 20, CLEARANCE: 10 };

describe('resourceMix', () => {
  it('shares the target roles’ resources among themselves, reporting traffic drivers and the long tail apart', () => {
    const mix = resourceMix(
      [
        { role: 'TRAFFIC_DRIVER', products: 2, resourceDays: 60 },
        { role: 'CORE', products: 3, resourceDays: 40 },
        { role: 'POTENTIAL', products: 5, resourceDays: 30 },
        { role: 'TEST', products: 6, resourceDays: 20 },
        { role: 'CLEARANCE', products: 4, resourceDays: 10 },
        { role: 'LONG_TAIL', products: 20, resourceDays: 40 },
      ],
      TARGET,
    );
    // The four target roles got 100 slot-days, exactly 40/30/20/10: on target, whatever the others took.
    expect(mix.map((r) => [r.role, r.resourceSharePercent, r.gapPoints])).toEqual([
      ['TRAFFIC_DRIVER', 30, null],
      ['CORE', 40, 0],
      ['POTENTIAL', 30, 0],
      ['TEST', 20, 0],
      ['CLEARANCE', 10, 0],
      ['LONG_TAIL', 20, null],
    ]);
    expect(mix.map((r) => r.productSharePercent)).toEqual([5, 7.5, 12.5, 15, 10, 50]);
    expect(mix[1].targetPercent).toBe(40);
    expect(mix[0].targetPercent).toBeNull();
  });

  it('shows the gap in points, rounded to one decimal, against a shop’s own target', () => {
    const mix = resourceMix(
      [
        { role: 'CORE', products: 1, resourceDays: 2 },
        { role: 'POTENTIAL', products: 1, resourceDays: 1 },
        { role: 'TEST', products: 0, resourceDays: 0 },
        { role: 'CLEARANCE', products: 1, resourceDays: 0 },
      ],
      { CORE: 50, POTENTIAL: 25, TEST: 15, CLEARANCE: 10 },
    );
    expect(mix.map((r) => [r.resourceSharePercent, r.gapPoints])).toEqual([
      [66.7, 16.7],
      [33.3, 8.3],
      [0, -15],
      [0, -10],
    ]);
  });

  it('answers zero shares when nothing has been given out or nothing is live', () => {
    expect(resourceMix([{ role: 'CORE', products: 0, resourceDays: 0 }], TARGET)).toEqual([
      { role: 'CORE', products: 0, resourceDays: 0, productSharePercent: 0, resourceSharePercent: 0, targetPercent: 40, gapPoints: -40 },
    ]);
    expect(resourceMix([], TARGET)).toEqual([]);
  });
});
