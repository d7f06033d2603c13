import { anchorBelow, suggestPrice, type PricingSuggestionPolicy } from './price-suggestion';

const POLICY: PricingSuggestionPolicy = {
  windowDays: 30,
  highCoverDays: 90,
  lowCoverDays: 7,
  lowSellThroughPercent: 20,
  highSellThroughPercent: 80,
  markdownPercent: 10,
  seasonEndMarkdownPercent: 20,
  markupPercent: 5,
  seasonEndDays: 30,
  anchorPricePointsFen: [99900, 199900],
  anchorSnapPercent: 5,
};

describe('suggestPrice', () => {
  it('marks down under stock pressure, landing on an anchor price point within reach', () => {
    // 100 on hand, 10 sold in 30 days: 300 days of cover, sell-through 9.1%; 10% off 110,000 = 99,000 → ¥999 is above it, so no anchor.
    const plain = suggestPrice({ listPriceFen: 110000, stock: 100, sold: 10, seasonEndsInDays: null }, POLICY)!;
    expect(plain).toEqual({
      direction: 'MARKDOWN',
      suggestedPriceFen: 99000,
      sellThroughPercent: 9.1,
      coverDays: 300,
      reasons: ['stock pressure: 100 units, 300 days of cover, sell-through 9.1% in 30 days'],
    });
    // 10% off 219,900 = 197,910: ¥1,999 is above it; from 229,900 → 206,910, and ¥1,999 is within 5% below: it lands there.
    const anchored = suggestPrice({ listPriceFen: 229900, stock: 100, sold: 10, seasonEndsInDays: null }, POLICY)!;
    expect(anchored.suggestedPriceFen).toBe(199900);
    expect(anchored.reasons).toContain('on the anchor price point ¥1999.00');
  });

  it('marks down deeper as the season ends, even when the stock sells', () => {
    const s = suggestPrice({ listPriceFen: 100000, stock: 30, sold: 70, seasonEndsInDays: 12.2 }, POLICY)!;
    expect(s).toMatchObject({ direction: 'MARKDOWN', suggestedPriceFen: 80000, sellThroughPercent: 70, coverDays: 12.9 });
    expect(s.reasons).toEqual(['season ends in 13 days']);
    expect(suggestPrice({ listPriceFen: 100000, stock: 30, sold: 70, seasonEndsInDays: 31 }, POLICY)).toBeUndefined();
    expect(suggestPrice({ listPriceFen: 100000, stock: 30, sold: 70, seasonEndsInDays: 30 }, POLICY)?.suggestedPriceFen).toBe(80000);
  });

  it('marks up a SKU selling out, outside a season’s end', () => {
    // 5 left, 95 sold in 30 days: 1.6 days of cover, sell-through 95%.
    const up = suggestPrice({ listPriceFen: 95000, stock: 5, sold: 95, seasonEndsInDays: null }, POLICY)!;
    expect(up).toEqual({
      direction: 'MARKUP',
      suggestedPriceFen: 99750,
      sellThroughPercent: 95,
      coverDays: 1.6,
      reasons: ['selling out: 5 units, 1.6 days of cover, sell-through 95% in 30 days'],
    });
    // 5% on 199,000 = 208,950: ¥1,999 is within 5% below and still above today's price.
    expect(suggestPrice({ listPriceFen: 199000, stock: 5, sold: 95, seasonEndsInDays: null }, POLICY)!.suggestedPriceFen).toBe(199900);
    // An anchor below the current price would not be a markup: it is not used.
    expect(suggestPrice({ listPriceFen: 199950, stock: 5, sold: 95, seasonEndsInDays: null }, POLICY)!.suggestedPriceFen).toBe(209948);
    expect(suggestPrice({ listPriceFen: 95000, stock: 5, sold: 95, seasonEndsInDays: 3 }, POLICY)!.direction).toBe('MARKDOWN');
  });

  it('leaves a healthy SKU, one without stock figures and one sold out alone', () => {
    expect(suggestPrice({ listPriceFen: 100000, stock: 50, sold: 50, seasonEndsInDays: null }, POLICY)).toBeUndefined();
    expect(suggestPrice({ listPriceFen: 100000, stock: null, sold: 50, seasonEndsInDays: null }, POLICY)).toBeUndefined();
    expect(suggestPrice({ listPriceFen: 100000, stock: 0, sold: 0, seasonEndsInDays: 5 }, POLICY)).toBeUndefined();
    expect(suggestPrice({ listPriceFen: 0, stock: 10, sold: 0, seasonEndsInDays: null }, POLICY)).toBeUndefined();
  });

  it('treats stock that never sold as pressed; the thresholds are the policy’s', () => {
    expect(suggestPrice({ listPriceFen: 100000, stock: 3, sold: 0, seasonEndsInDays: null }, POLICY)).toMatchObject({
      suggestedPriceFen: 90000,
      coverDays: null,
      reasons: ['stock pressure: 3 units, no sale, sell-through 0% in 30 days'],
    });
    const stricter = { ...POLICY, highCoverDays: 20, markdownPercent: 30 };
    expect(suggestPrice({ listPriceFen: 100000, stock: 30, sold: 30, seasonEndsInDays: null }, POLICY)).toBeUndefined();
    expect(suggestPrice({ listPriceFen: 100000, stock: 30, sold: 30, seasonEndsInDays: null }, stricter)?.suggestedPriceFen).toBe(70000);
  });
});

describe('anchorBelow', () => {
  it('picks the highest anchor between the floor and the price, inclusive', () => {
    expect(anchorBelow(199900, 190000, [99900, 199900])).toBe(199900);
    expect(anchorBelow(199899, 99900, [99900, 199900])).toBe(99900);
    expect(anchorBelow(99899, 90000, [99900, 199900])).toBeUndefined();
    expect(anchorBelow(150000, 100000, [99900])).toBeUndefined();
  });
});
