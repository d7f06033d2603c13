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

  it('counts the per-buyer limit over all the sale’s SKUs in the basket, in basket order; units past it are never refused', () => {
    const flash = promo({ code: 'FS', kind: 'FLASH_SALE', percentOff: 50, perBuyerLimit: 3 }, ['A', 'B', 'C']);
    const q = quoteBasket(
      [
        { code: 'A', quantity: 2, listPriceFen: 10000 },
        { code: 'B', quantity: 2, listPriceFen: 20000 },
        { code: 'C', quantity: 1, listPriceFen: 30000 },
      ],
      [flash],
    );
    // A: 2 flash; B: 1 flash + 1 at list; C: the limit is spent, all at list.
    expect(q.lines.map((l) => l.lineTotalFen)).toEqual([10000, 10000 + 20000, 30000]);
    expect(q.applied).toEqual([expect.objectContaining({ code: 'FS', discountFen: 10000 + 10000 })]);
    expect(q.lines[1].explanations).toEqual(['FS: 1 at flash price ¥100.00; 1 over the per-buyer limit of 3 at ¥200.00']);
    expect(q.lines[2].explanations).toEqual(['FS: 0 at flash price ¥150.00; 1 over the per-buyer limit of 3 at ¥300.00']);
    // Without a limit every unit of every line is at the flash price.
    const open = quoteBasket(
      [
        { code: 'A', quantity: 2, listPriceFen: 10000 },
        { code: 'B', quantity: 2, listPriceFen: 20000 },
      ],
      [{ ...flash, perBuyerLimit: null }],
    );
    expect(open.totalFen).toBe(30000);
    // A line the sale does not cheapen (member price lower) takes nothing of the limit.
    const member = quoteBasket(
      [
        { code: 'A', quantity: 3, listPriceFen: 10000, tierPriceFen: 4000 },
        { code: 'B', quantity: 3, listPriceFen: 20000 },
      ],
      [flash],
      'gold',
    );
    expect(member.lines.map((l) => l.lineTotalFen)).toEqual([12000, 30000]);
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

  describe('boundaries', () => {
    it('ignores a tier price equal to the list price, and names the tier in the explanation when it is lower', () => {
      const same = quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000, tierPriceFen: 10000 }], [], 'gold');
      expect(same).toMatchObject({ totalFen: 10000, memberDiscountFen: 0 });
      expect(same.lines[0].explanations).toEqual([]);
      expect(quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000, tierPriceFen: 9000 }], [], 'gold').lines[0].explanations).toEqual([
        'member price for gold: ¥90.00',
      ]);
      expect(quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000, tierPriceFen: 9000 }], []).lines[0].explanations).toEqual([
        'member price for this tier: ¥90.00',
      ]);
    });

    it('skips a flash sale that would not be cheaper than the member price, and one with no percent off', () => {
      const flash = promo({ code: 'FS', kind: 'FLASH_SALE', percentOff: 10, perBuyerLimit: 1 }, ['A']);
      const q = quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000, tierPriceFen: 9000 }], [flash], 'gold');
      expect(q).toMatchObject({ totalFen: 9000, applied: [] });
      expect(quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000 }], [promo({ code: 'F0', kind: 'FLASH_SALE', percentOff: 0 }, ['A'])]).applied).toEqual(
        [],
      );
    });

    it('describes a flash sale with its limit, or with none', () => {
      const limited = quoteBasket(
        [{ code: 'A', quantity: 1, listPriceFen: 10000 }],
        [promo({ code: 'FS', name: '秒杀', kind: 'FLASH_SALE', percentOff: 50, perBuyerLimit: 2 }, ['A'])],
      );
      expect(limited.applied).toEqual([{ code: 'FS', kind: 'FLASH_SALE', discountFen: 5000, explanation: '秒杀: 50% off, 2 per-buyer limit' }]);
      expect(limited.lines[0].explanations).toEqual(['FS: 1 at flash price ¥50.00']);
      const open = quoteBasket(
        [{ code: 'A', quantity: 3, listPriceFen: 10000 }],
        [promo({ code: 'FS', name: '秒杀', kind: 'FLASH_SALE', percentOff: 50 }, ['A'])],
      );
      expect(open).toMatchObject({ totalFen: 15000, applied: [{ explanation: '秒杀: 50% off, no per-buyer limit' }] });
    });

    it('counts only units outside a flash sale towards a multi-buy, and needs every part of it', () => {
      const flash = promo({ code: 'FS', kind: 'FLASH_SALE', percentOff: 50, perBuyerLimit: 5 }, ['A']);
      const multi = promo({ code: 'M2', name: '两件五折', kind: 'MULTI_BUY', percentOff: 50, minQuantity: 2 }, ['A', 'B']);
      // Two A at the flash price take no multi-buy; B alone is one item, below the minimum.
      expect(
        quoteBasket(
          [
            { code: 'A', quantity: 2, listPriceFen: 10000 },
            { code: 'B', quantity: 1, listPriceFen: 10000 },
          ],
          [flash, multi],
        ).applied.map((a) => a.code),
      ).toEqual(['FS']);
      const hit = quoteBasket([{ code: 'B', quantity: 2, listPriceFen: 10000 }], [multi]);
      expect(hit.applied).toEqual([{ code: 'M2', kind: 'MULTI_BUY', discountFen: 10000, explanation: '两件五折: 2 items or more, 50% off' }]);
      expect(hit.lines[0].explanations).toEqual(['M2: 50% off with 2 qualifying items']);
      for (const broken of [{ percentOff: null }, { minQuantity: null }, { kind: 'SPEND_AND_SAVE' as const }]) {
        expect(quoteBasket([{ code: 'B', quantity: 2, listPriceFen: 10000 }], [{ ...multi, ...broken }]).totalFen).toBe(20000);
      }
    });

    it('gives a spend-and-save from exactly its threshold, once unless repeatable, and only on its SKUs', () => {
      const mj = promo({ code: 'MJ', name: '满100减10', kind: 'SPEND_AND_SAVE', thresholdFen: 10000, offFen: 1000 }, ['A']);
      expect(quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000 }], [mj]).totalFen).toBe(9000);
      expect(quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 9999 }], [mj]).totalFen).toBe(9999);
      expect(quoteBasket([{ code: 'A', quantity: 3, listPriceFen: 10000 }], [mj]).totalFen).toBe(29000);
      expect(quoteBasket([{ code: 'A', quantity: 3, listPriceFen: 10000 }], [{ ...mj, repeatable: true }]).totalFen).toBe(27000);
      expect(quoteBasket([{ code: 'B', quantity: 3, listPriceFen: 10000 }], [mj]).totalFen).toBe(30000);
      const q = quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000 }], [{ ...mj, repeatable: true }]);
      expect(q.applied).toEqual([
        { code: 'MJ', kind: 'SPEND_AND_SAVE', discountFen: 1000, explanation: '满100减10: ¥10.00 off every ¥100.00 (repeatable) on ¥100.00' },
      ]);
      expect(quoteBasket([{ code: 'A', quantity: 3, listPriceFen: 10000 }], [mj]).applied[0].explanation).toBe(
        '满100减10: ¥10.00 off every ¥100.00 on ¥300.00',
      );
      for (const broken of [{ thresholdFen: null }, { offFen: null }, { kind: 'MULTI_BUY' as const }]) {
        expect(quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000 }], [{ ...mj, ...broken }]).totalFen).toBe(10000);
      }
    });

    it('applies only the best of several spend-and-save offers, whatever order they come in', () => {
      const small = promo({ code: 'S', kind: 'SPEND_AND_SAVE', thresholdFen: 10000, offFen: 500 }, ['A']);
      const best = promo({ code: 'B', kind: 'SPEND_AND_SAVE', thresholdFen: 10000, offFen: 1500 }, ['A']);
      const none = promo({ code: 'N', kind: 'SPEND_AND_SAVE', thresholdFen: 99999, offFen: 9000 }, ['A']);
      for (const order of [
        [small, best, none],
        [none, best, small],
        [best, small, none],
      ]) {
        expect(quoteBasket([{ code: 'A', quantity: 1, listPriceFen: 10000 }], order).applied.map((a) => [a.code, a.discountFen])).toEqual([['B', 1500]]);
      }
    });

    it('gives the fen left over by the split to the lines with the largest remainders', () => {
      const mj = promo({ code: 'MJ', kind: 'SPEND_AND_SAVE', thresholdFen: 100, offFen: 100 }, ['A', 'B', 'C']);
      const q = quoteBasket(
        [
          { code: 'A', quantity: 1, listPriceFen: 1000 },
          { code: 'B', quantity: 1, listPriceFen: 2000 },
          { code: 'C', quantity: 1, listPriceFen: 3000 },
        ],
        [mj],
      );
      // Shares 16.67 / 33.33 / 50: floors 16 / 33 / 50 leave one fen, for A (remainder .67).
      expect(q.lines.map((l) => l.listPriceFen - l.lineTotalFen)).toEqual([17, 33, 50]);
      expect(q.lines[0].explanations).toEqual(['MJ: share ¥0.17 of ¥1.00 off']);
    });
  });
});
