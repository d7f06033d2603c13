import fc from 'fast-check';
import { classifyAbc, type AbcClass } from './abc';

const shareOf = (rows: Array<{ value: number; abcClass: AbcClass }>, abcClass: AbcClass) => {
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  return rows.filter((r) => r.abcClass === abcClass).reduce((sum, r) => sum + r.value, 0) / total;
};

describe('ABC classification', () => {
  it('splits by cumulative value: A up to 60%, B the next 20%, a SKU across a boundary in the later class', () => {
    const items = [
      { sku: 'a', value: 500 },
      { sku: 'b', value: 100 },
      { sku: 'c', value: 150 },
      { sku: 'd', value: 50 },
      { sku: 'e', value: 200 },
    ];
    const rows = classifyAbc(items, 0.6, 0.2);
    // Sorted: a 500 (0–50%), e 200 (50–70%: crosses 60%), c 150 (70–85%: crosses 80%), b 100 (85–95%), d 50 (95–100%)
    expect(rows.map((r) => [r.sku, r.abcClass, r.cumulativeShare])).toEqual([
      ['a', 'A', 0.5],
      ['e', 'B', 0.7],
      ['c', 'C', 0.85],
      ['b', 'C', 0.95],
      ['d', 'C', 1],
    ]);
  });

  it('keeps a SKU that ends exactly on a boundary inside it', () => {
    const rows = classifyAbc([{ value: 60 }, { value: 20 }, { value: 20 }], 0.6, 0.2);
    expect(rows.map((r) => r.abcClass)).toEqual(['A', 'B', 'C']);
  });

  it('puts the most valuable SKU in A even when it alone is over the A share', () => {
    const rows = classifyAbc([{ value: 10 }, { value: 90 }], 0.6, 0.2);
    expect(rows.map((r) => [r.value, r.abcClass])).toEqual([
      [90, 'A'],
      [10, 'C'],
    ]);
  });

  it('follows the configured shares', () => {
    const items = [40, 30, 20, 10].map((value) => ({ value }));
    expect(classifyAbc(items, 0.7, 0.2).map((r) => r.abcClass)).toEqual(['A', 'A', 'B', 'C']);
    expect(classifyAbc(items, 0.4, 0.5).map((r) => r.abcClass)).toEqual(['A', 'B', 'B', 'C']);
  });

  it('never lets A hold more than 60% nor A and B together more than 80%, whatever the values (unless one SKU alone is over)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const rows = classifyAbc(
          values.map((value) => ({ value })),
          0.6,
          0.2,
        );
        const top = Math.max(...values) / values.reduce((s, v) => s + v, 0);
        expect(shareOf(rows, 'A')).toBeLessThanOrEqual(Math.max(0.6, top) + 1e-9);
        expect(shareOf(rows, 'A') + shareOf(rows, 'B')).toBeLessThanOrEqual(Math.max(0.8, top) + 1e-9);
        // Classes follow the value order: no B above an A, no C above a B.
        const order = rows.map((r) => 'ABC'.indexOf(r.abcClass));
        expect(order).toEqual([...order].sort((x, y) => x - y));
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('handles an empty or valueless range', () => {
    expect(classifyAbc([], 0.6, 0.2)).toEqual([]);
    expect(classifyAbc([{ value: 0 }], 0.6, 0.2)[0]).toEqual({ value: 0, abcClass: 'C', cumulativeShare: 1 });
  });
});
