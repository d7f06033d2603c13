import { flashPriceUnits } from './flash-sale-gate';

describe('flashPriceUnits', () => {
  it('gives a buyer the flash price up to the per-buyer limit; the rest of the order is at the normal price, not refused', () => {
    expect(flashPriceUnits(3, 2, 0)).toBe(2);
    expect(flashPriceUnits(3, 2, 1)).toBe(1);
    expect(flashPriceUnits(1, 2, 2)).toBe(0);
    expect(flashPriceUnits(1, 2, 5)).toBe(0);
    expect(flashPriceUnits(2, 2, 0)).toBe(2);
  });

  it('puts every unit at the flash price when the sale has no per-buyer limit', () => {
    expect(flashPriceUnits(7, null, 40)).toBe(7);
  });
});
