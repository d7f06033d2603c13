export type AbcClass = 'A' | 'B' | 'C';

/** Room for the rounding of shares like 0.6 + 0.2, so a SKU ending exactly on a boundary stays inside it. */
const SHARE_TOLERANCE = 1e-9;

/**
 * ABC by stock value: sorted by value, A holds SKUs up to `aShare` of total value, B the next
 * `bShare`, C the rest. A SKU straddling a boundary goes to the later class, so no class holds
 * more than its share — except the single most valuable SKU, which is A even when it alone
 * exceeds `aShare` (a range led by one dominant SKU still has an A).
 */
export function classifyAbc<T extends { value: number }>(
  items: readonly T[],
  aShare: number,
  bShare: number,
): Array<T & { abcClass: AbcClass; cumulativeShare: number }> {
  const total = items.reduce((sum, i) => sum + i.value, 0);
  let before = 0;
  return [...items]
    .sort((a, b) => b.value - a.value)
    .map((item, rank) => {
      before += item.value;
      const endShare = total > 0 ? before / total : 1;
      const within = (share: number) => endShare <= share + SHARE_TOLERANCE;
      const abcClass: AbcClass = total > 0 && (rank === 0 || within(aShare)) ? 'A' : within(aShare + bShare) ? 'B' : 'C';
      return { ...item, abcClass, cumulativeShare: endShare };
    });
}
