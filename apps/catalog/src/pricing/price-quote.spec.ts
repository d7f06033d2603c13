import { quoteBasket, type QuotePromotion } from './price-quote';

const promo = (p: Partial<QuotePromotion> & Pick<QuotePromotion, 'code' | 'kind'>, skus: string[]): QuotePromotion => ({
  name: p.code,
  ...p,
  skuCodes: new Set(skus),
});

describe('quoteBasket', () => {
  it('prices at list, or at the member-tier price when lower', () => {
    const q = quoteBasket(
      [
        { code: 'A', quantity: 2, listPriceFen: 99900, tierPriceFen: 89900 },
        { code: 'B', quantity: 1, listPriceFen: 5000, tierPriceFen: 6000 },
      ],
      [],
      'gold',
    );
    expect(q.lines.map((l) => l.unitPriceFen)).toEqual([89900, 5000]);
    expect(q).toMatchObject({ listTotalFen: 204800, totalFen: 184800, discountFen: 20000, memberDiscountFen: 20000, applied: [] });
  });

  it('sells flash-sale units up to the per-buyer limit, the rest at the usual price, combined with nothing', () => {
    const flash = promo({ code: 'FS', kind: 'FLASH_SALE', percentOff: 50, perBuyerLimit: 1 }, ['A']);
    const spend = promo({ code: 'MJ', kind: 'SPEND_AND_SAVE', thresholdFen: 10000, offFen: 2000 }, ['A']);
    const q = quoteBasket([{ code: 'A', quantity: 3, listPriceFen: 10000 }], [flash, spend]);
    // 1 at 5,000; 2 at 10,000 = 20,000 eligible for 满减 (-2,000) → 23,000.
    expect(q.totalFen).toBe(23000);
    expect(q.applied).toEqual([expect.objectContaining({ code: 'FS', discountFen: 5000 }), expect.objectContaining({ code: 'MJ', discountFen: 2000 })]);
    expect(q.lines[0].explanations[0]).toMatch(/1 at flash price ¥50.00; 2 over the per-buyer limit of 1/);
  });

  it('applies a multi-buy once the basket holds enough of its SKUs, then the best spend-and-save', () => {
    const multi = promo({ code: 'M3', kind: 'MULTI_BUY', percentOff: 50, minQuantity: 3 }, ['A', 'B']);
    const small = promo({ code: 'S1', kind: 'SPEND_AND_SAVE', thresholdFen: 10000, offFen: 1000, repeatable: true }, ['A', 'B', 'C']);
    const big = promo({ code: 'S2', kind: 'SPEND_AND_SAVE', thresholdFen: 30000, offFen: 5000 }, ['A', 'B', 'C']);
    const two = quoteBasket([{ code: 'A', quantity: 2, listPriceFen: 10000 }], [multi]);
    expect(two.totalFen).toBe(20000);
    const q = quoteBasket(
      [
        { code: 'A', quantity: 2, listPriceFen: 10000 },
        { code: 'B', quantity: 1, listPriceFen: 20000 },
        { code: 'C', quantity: 1, listPriceFen: 33333 },
      ],
      [multi, small, big],
    );
    // After 50% off A and B: 10,000 + 10,000 + 33,333 = 53,333. S1: 5 × 1,000 = 5,000; S2: 5,000 → same; the first best wins.
    expect(q.applied.map((a) => a.code)).toEqual(['M3', expect.stringMatching(/^S[12]$/)]);
    expect(q.totalFen).toBe(48333);
    expect(q.lines.reduce((n, l) => n + l.lineTotalFen, 0)).toBe(q.totalFen);
    expect(q.discountFen).toBe(q.listTotalFen - q.totalFen);
  });

  it('splits a spend-and-save discount over lines to the fen', () => {
    const q = quoteBasket(
      [
        { code: 'A', quantity: 1, listPriceFen: 10001 },
        { code: 'B', quantity: 1, listPriceFen: 10001 },
        { code: 'C', quantity: 1, listPriceFen: 10001 },
      ],
      [promo({ code: 'S', kind: 'SPEND_AND_SAVE', thresholdFen: 30000, offFen: 1000 }, ['A', 'B', 'C'])],
    );
    expect(q.lines.map((l) => l.lineTotalFen).sort()).toEqual([9667, 9668, 9668]);
    expect(q.totalFen).toBe(29003);
  });
});
