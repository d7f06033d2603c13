import { chanceToBeat, normalCdf, sampleRatioTest, sampleSizePerVariant, twoProportionZTest, welchTTest } from './statistics';

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
});
