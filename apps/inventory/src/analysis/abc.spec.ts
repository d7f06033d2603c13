import { classifyAbc } from './abc';

describe('ABC classification', () => {
  it('splits by cumulative value: first 60% A, next 20% B, rest C', () => {
    const items = [
      { sku: 'a', value: 500 },
      { sku: 'b', value: 100 },
      { sku: 'c', value: 150 },
      { sku: 'd', value: 50 },
      { sku: 'e', value: 200 },
    ];
    const classes = Object.fromEntries(classifyAbc(items, 0.6, 0.2).map((i) => [i.sku, i.abcClass]));
    // Sorted: a 500 (0–50%), e 200 (50–70%), c 150 (70–85%), b 100 (85–95%), d 50 (95–100%)
    expect(classes).toEqual({ a: 'A', e: 'A', c: 'B', b: 'C', d: 'C' });
  });

  it('handles an empty or valueless range', () => {
    expect(classifyAbc([], 0.6, 0.2)).toEqual([]);
    expect(classifyAbc([{ value: 0 }], 0.6, 0.2)[0].abcClass).toBe('C');
  });
});
