/**
 * Dynamic pricing suggestions (DOMAIN: from stock pressure, season and sell-through), as one pure
 * rule over a SKU's signals. An operator accepts or dismisses each; nothing changes a price alone.
 * - Markdown when stock presses (cover above `highCoverDays`, or sell-through under
 *   `lowSellThroughPercent`), or when the SKU's season ends within `seasonEndDays` with stock left:
 *   `markdownPercent` off, `seasonEndMarkdownPercent` when the season is ending.
 * - Markup when stock runs short of a selling SKU (cover under `lowCoverDays` and sell-through at
 *   least `highSellThroughPercent`), outside a season's end: `markupPercent` on.
 * - The price lands on an anchor price point (e.g. ¥999, ¥1,999) when one lies within
 *   `anchorSnapPercent` below it and still moves the price the suggested way.
 */
export interface PricingSuggestionPolicy {
  readonly windowDays: number;
  readonly highCoverDays: number;
  readonly lowCoverDays: number;
  readonly lowSellThroughPercent: number;
  readonly highSellThroughPercent: number;
  readonly markdownPercent: number;
  readonly seasonEndMarkdownPercent: number;
  readonly markupPercent: number;
  readonly seasonEndDays: number;
  readonly anchorPricePointsFen: readonly number[];
  readonly anchorSnapPercent: number;
}

export interface PricingSignals {
  readonly listPriceFen: number;
  /** Sellable units now (null: not known yet). */
  readonly stock: number | null;
  /** Units sold in the last `windowDays`. */
  readonly sold: number;
  /** Days until the end of the seasonal collection the SKU's product is in (null: none). */
  readonly seasonEndsInDays: number | null;
}

export interface PriceSuggestionDraft {
  readonly direction: 'MARKDOWN' | 'MARKUP';
  readonly suggestedPriceFen: number;
  readonly sellThroughPercent: number;
  readonly coverDays: number | null;
  readonly reasons: string[];
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The highest anchor at most `price` and at least `floor`, if any. */
export function anchorBelow(price: number, floor: number, anchors: readonly number[]): number | undefined {
  const fitting = anchors.filter((a) => a <= price && a >= floor);
  return fitting.length ? Math.max(...fitting) : undefined;
}

export function suggestPrice(s: PricingSignals, policy: PricingSuggestionPolicy): PriceSuggestionDraft | undefined {
  if (s.stock === null || s.listPriceFen <= 0) return undefined;
  const sellThroughPercent = s.sold + s.stock > 0 ? Math.round((1000 * s.sold) / (s.sold + s.stock)) / 10 : 0;
  const coverDays = s.sold > 0 ? Math.round((10 * s.stock * policy.windowDays) / s.sold) / 10 : null;
  const seasonEnding = s.seasonEndsInDays !== null && s.seasonEndsInDays <= policy.seasonEndDays;
  const reasons: string[] = [];
  const coverText = coverDays === null ? 'no sale' : `${coverDays} days of cover`;
  let percent = 0;
  if (s.stock > 0 && (coverDays === null || coverDays > policy.highCoverDays || sellThroughPercent < policy.lowSellThroughPercent || seasonEnding)) {
    const pressed = coverDays === null || coverDays > policy.highCoverDays || sellThroughPercent < policy.lowSellThroughPercent;
    if (pressed) reasons.push(`stock pressure: ${s.stock} units, ${coverText}, sell-through ${sellThroughPercent}% in ${policy.windowDays} days`);
    if (seasonEnding) reasons.push(`season ends in ${Math.ceil(s.seasonEndsInDays)} days`);
    percent = -(seasonEnding ? policy.seasonEndMarkdownPercent : policy.markdownPercent);
  } else if (!seasonEnding && coverDays !== null && coverDays < policy.lowCoverDays && sellThroughPercent >= policy.highSellThroughPercent) {
    reasons.push(`selling out: ${s.stock} units, ${coverText}, sell-through ${sellThroughPercent}% in ${policy.windowDays} days`);
    percent = policy.markupPercent;
  }
  if (!percent) return undefined;
  const target = Math.round((s.listPriceFen * (100 + percent)) / 100);
  const floor = Math.ceil((target * (100 - policy.anchorSnapPercent)) / 100);
  const anchor = anchorBelow(target, floor, policy.anchorPricePointsFen);
  const movesRightWay = (price: number) => (percent < 0 ? price < s.listPriceFen : price > s.listPriceFen);
  let suggestedPriceFen = target;
  if (anchor !== undefined && movesRightWay(anchor)) {
    suggestedPriceFen = anchor;
    reasons.push(`on the anchor price point ${yuan(anchor)}`);
  }
  if (!movesRightWay(suggestedPriceFen)) return undefined;
  return { direction: percent < 0 ? 'MARKDOWN' : 'MARKUP', suggestedPriceFen, sellThroughPercent, coverDays, reasons };
}
