import {
  chanceToBeat,
  incompleteBeta,
  logGamma,
  normalCdf,
  sampleRatioTest,
  sampleSizePerVariant,
  studentTwoSidedP,
  twoProportionZTest,
  upperGamma,
  welchTTest,
} from './statistics';

describe('experiment statistics', () => {
  it('computes the normal CDF', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });

  it('two-proportion z-test: 200/1000 vs 250/1000 (worked by hand: pooled 0.225, SE 0.018675, z 2.677, p 0.0074)', () => {
    const r = twoProportionZTest(200, 1000, 250, 1000);
    expect(r.z).toBeCloseTo(2.6774, 3);
    expect(r.pValue).toBeCloseTo(0.00742, 4);
    expect(r.difference).toBeCloseTo(0.05, 10);
    // Unpooled SE sqrt(.2·.8/1000 + .25·.75/1000) = 0.018641 → 0.05 ± 0.036536.
    expect(r.ciLow).toBeCloseTo(0.013464, 5);
    expect(r.ciHigh).toBeCloseTo(0.086536, 5);
  });

  it('Welch t-test on the textbook example (Wikipedia, “Welch’s t-test”, example 1: t = −2.46, df ≈ 24.9, p ≈ 0.021)', () => {
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const sample = (xs: number[]) => {
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      return { n: xs.length, mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) };
    };
    const r = welchTTest(sample(a2), sample(a1));
    expect(r.t).toBeCloseTo(-2.46, 2);
    expect(r.df).toBeGreaterThan(24.8);
    expect(r.df).toBeLessThan(25.1);
    expect(r.pValue).toBeCloseTo(0.021, 3);
  });

  it('flags a sample-ratio mismatch: 5,000 vs 5,300 on a 50/50 split (χ² = 8.737, p = 0.0031)', () => {
    const r = sampleRatioTest([5000, 5300], [50, 50]);
    expect(r.chiSquare).toBeCloseTo(8.7379, 3);
    expect(r.pValue).toBeCloseTo(0.00312, 4);
    expect(sampleRatioTest([5000, 5010], [50, 50]).pValue).toBeGreaterThan(0.9);
    // Three variants: df = 2, p = exp(−χ²/2).
    const three = sampleRatioTest([1000, 1000, 1100], [1, 1, 1]);
    expect(three.pValue).toBeCloseTo(Math.exp(-three.chiSquare / 2), 8);
  });

  it('Bayesian chance to beat control', () => {
    expect(chanceToBeat(200, 1000, 250, 1000)).toBeCloseTo(0.9963, 3);
    expect(chanceToBeat(100, 1000, 100, 1000)).toBeCloseTo(0.5, 2);
  });

  it('sample size for 10% → 12% at α 0.05, power 0.8 (worked by hand: 3,841 per variant)', () => {
    expect(sampleSizePerVariant(0.1, 0.02)).toBe(3841);
  });

  describe('reference values and edges', () => {
    it('normal CDF: centre, tails and symmetry', () => {
      expect(normalCdf(0)).toBeCloseTo(0.5, 7);
      expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
      expect(normalCdf(-3)).toBeCloseTo(0.00135, 5);
      for (const z of [0.3, 1.1, 2.5]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 7);
    });

    it('log Γ at integers, at one half and through the reflection below one half (Lanczos here: ~1e-7 relative)', () => {
      expect(logGamma(1)).toBeCloseTo(0, 6);
      expect(logGamma(2)).toBeCloseTo(0, 6);
      expect(logGamma(5)).toBeCloseTo(Math.log(24), 6);
      expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 6);
      expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 6);
    });

    it('regularized incomplete beta on both sides of its switch point, and at the ends', () => {
      // I_x(2, 3) = Σ_{j=2..4} C(4, j) x^j (1 − x)^(4 − j)
      expect(incompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 7);
      expect(incompleteBeta(0.8, 2, 3)).toBeCloseTo(0.9728, 7);
      expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 7);
      expect([incompleteBeta(0, 2, 3), incompleteBeta(-1, 2, 3), incompleteBeta(1, 2, 3), incompleteBeta(2, 2, 3)]).toEqual([0, 0, 1, 1]);
    });

    it('Student t two-sided p: 1 at t = 0, the 5% critical value at df 10, either sign', () => {
      expect(studentTwoSidedP(0, 10)).toBeCloseTo(1, 7);
      expect(studentTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 6);
      expect(studentTwoSidedP(-2.228139, 10)).toBeCloseTo(0.05, 6);
    });

    it('upper incomplete gamma: Q(1, x) = e^−x on both of its methods, χ² with 5 df at 2, and 1 at x ≤ 0', () => {
      expect(upperGamma(1, 0.5)).toBeCloseTo(Math.exp(-0.5), 7);
      expect(upperGamma(1, 3)).toBeCloseTo(Math.exp(-3), 7);
      expect(upperGamma(2.5, 1)).toBeCloseTo(0.849145, 6);
      expect([upperGamma(2, 0), upperGamma(2, -1)]).toEqual([1, 1]);
    });

    it('z-test with equal rates or no conversions at all: no difference, p = 1', () => {
      expect(twoProportionZTest(100, 1000, 100, 1000)).toMatchObject({ z: 0, difference: 0 });
      expect(twoProportionZTest(100, 1000, 100, 1000).pValue).toBeCloseTo(1, 7);
      expect(twoProportionZTest(0, 1000, 0, 1000)).toMatchObject({ z: 0, ciLow: 0, ciHigh: 0 });
      expect(twoProportionZTest(250, 1000, 200, 1000).z).toBeCloseTo(-2.6774, 3);
    });

    it('Welch: the interval is the difference ± 1.96 standard errors', () => {
      const r = welchTTest({ n: 100, mean: 10, variance: 4 }, { n: 50, mean: 11, variance: 9 });
      const se = Math.sqrt(4 / 100 + 9 / 50);
      expect(r.t).toBeCloseTo(1 / se, 7);
      expect(r.ciLow).toBeCloseTo(1 - 1.959964 * se, 7);
      expect(r.ciHigh).toBeCloseTo(1 + 1.959964 * se, 7);
      expect(r.df).toBeCloseTo((4 / 100 + 9 / 50) ** 2 / ((4 / 100) ** 2 / 99 + (9 / 50) ** 2 / 49), 7);
    });

    it('chance to beat: complementary, near certain for a clear winner, bounded', () => {
      const ab = chanceToBeat(30, 100, 40, 100);
      expect(ab + chanceToBeat(40, 100, 30, 100)).toBeCloseTo(1, 3);
      expect(chanceToBeat(10, 1000, 100, 1000)).toBeGreaterThan(0.999);
      expect(chanceToBeat(100, 1000, 10, 1000)).toBeLessThan(0.001);
      expect(ab).toBeGreaterThan(0.5);
      expect(ab).toBeLessThan(1);
    });

    it('sample ratio: a variant planned at weight 0 adds nothing; a perfect split has χ² 0 and p 1', () => {
      expect(sampleRatioTest([500, 500, 0], [1, 1, 0]).chiSquare).toBe(0);
      expect(sampleRatioTest([500, 500], [1, 1])).toEqual({ chiSquare: 0, pValue: 1 });
      expect(sampleRatioTest([600, 400], [3, 2]).chiSquare).toBe(0);
    });

    it('sample size for 50% → 60% (388 per variant, as in the standard tables)', () => {
      expect(sampleSizePerVariant(0.5, 0.1)).toBe(388);
    });
  });
});
