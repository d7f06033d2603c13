export type AbcClass = 'A' | 'B' | 'C';

/**
 * ABC by stock value: sorted by value, the SKUs making up the first `aShare` of total value are
 * A, the next `bShare` B, the rest C. A SKU straddling a boundary belongs to the class it starts in.
 */
export function classifyAbc<T extends { value: number }>(items: readonly T[], aShare: number, bShare: number): Array<T & { abcClass: AbcClass; cumulativeShare: number }> {
  const total = items.reduce((sum, i) => sum + i.value, 0);
  let before = 0;
  return [...items]
    .sort((a, b) => b.value - a.value)
    .map((item) => {
      const startShare = total > 0 ? before / total : 1;
      before += item.value;
      const abcClass: AbcClass = startShare < aShare ? 'A' : startShare < aShare + bShare ? 'B' : 'C';
      return { ...item, abcClass, cumulativeShare: total > 0 ? before / total : 1 };
    });
}
