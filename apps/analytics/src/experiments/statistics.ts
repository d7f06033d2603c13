/** The statistics experiments are judged by, from first principles (no dependencies). */

/** Standard normal CDF (Abramowitz & Stegun 26.2.17 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** log Γ(x) (Lanczos, g = 7). */
export function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.61503916999186, 12.507343278686905, -0.13857109526572012,
    0.000009984369578019572, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Regularized incomplete beta I_x(a, b) (continued fraction, Numerical Recipes' betacf). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(Math.log(x) * a + Math.log(1 - x) * b - logBeta(a, b));
  const cf = (xx: number, aa: number, bb: number) => {
    let c = 1;
    let d = 1 - ((aa + bb) * xx) / (aa + 1);
    d = 1 / (Math.abs(d) < 1e-30 ? 1e-30 : d);
    let h = d;
    for (let m = 1; m <= 300; m++) {
      const m2 = 2 * m;
      let num = (m * (bb - m) * xx) / ((aa + m2 - 1) * (aa + m2));
      d = 1 + num * d;
      c = 1 + num / c;
      d = 1 / (Math.abs(d) < 1e-30 ? 1e-30 : d);
      h *= d * c;
      num = (-(aa + m) * (aa + bb + m) * xx) / ((aa + m2) * (aa + m2 + 1));
      d = 1 + num * d;
      c = 1 + num / c;
      d = 1 / (Math.abs(d) < 1e-30 ? 1e-30 : d);
      const delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-12) break;
    }
    return h;
  };
  return x < (a + 1) / (a + b + 2) ? (front * cf(x, a, b)) / a : 1 - (Math.exp(Math.log(1 - x) * b + Math.log(x) * a - logBeta(a, b)) * cf(1 - x, b, a)) / b;
}

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function studentTwoSidedP(t: number, df: number): number {
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Regularized upper incomplete gamma Q(s, x), for the χ² distribution. */
export function upperGamma(s: number, x: number): number {
  if (x <= 0) return 1;
  if (x < s + 1) {
    let sum = 1 / s;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (s + n);
      sum += term;
      if (term < sum * 1e-14) break;
    }
    return 1 - sum * Math.exp(-x + s * Math.log(x) - logGamma(s));
  }
  let b = x + 1 - s;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    d = 1 / (Math.abs(d) < 1e-300 ? 1e-300 : d);
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.exp(-x + s * Math.log(x) - logGamma(s)) * h;
}

export interface ProportionTest {
  readonly difference: number;
  readonly z: number;
  readonly pValue: number;
  /** 95% confidence interval of the difference (treatment − control), unpooled. */
  readonly ciLow: number;
  readonly ciHigh: number;
}

export function twoProportionZTest(controlConversions: number, controlUnits: number, conversions: number, units: number): ProportionTest {
  const p1 = controlConversions / controlUnits;
  const p2 = conversions / units;
  const pooled = (controlConversions + conversions) / (controlUnits + units);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / controlUnits + 1 / units));
  const z = se === 0 ? 0 : (p2 - p1) / se;
  const seDiff = Math.sqrt((p1 * (1 - p1)) / controlUnits + (p2 * (1 - p2)) / units);
  return { difference: p2 - p1, z, pValue: 2 * (1 - normalCdf(Math.abs(z))), ciLow: p2 - p1 - 1.959964 * seDiff, ciHigh: p2 - p1 + 1.959964 * seDiff };
}

export interface Sample {
  readonly n: number;
  readonly mean: number;
  /** Sample variance (n − 1). */
  readonly variance: number;
}

export function welchTTest(control: Sample, treatment: Sample): { t: number; df: number; pValue: number; ciLow: number; ciHigh: number } {
  const a = control.variance / control.n;
  const b = treatment.variance / treatment.n;
  const t = (treatment.mean - control.mean) / Math.sqrt(a + b);
  const df = (a + b) ** 2 / (a ** 2 / (control.n - 1) + b ** 2 / (treatment.n - 1));
  // 95% CI with the normal quantile once df is large; close enough above 30 degrees of freedom.
  const half = 1.959964 * Math.sqrt(a + b);
  const diff = treatment.mean - control.mean;
  return { t, df, pValue: studentTwoSidedP(t, df), ciLow: diff - half, ciHigh: diff + half };
}

/** P(rate of B > rate of A) under Beta(1 + conversions, 1 + failures) posteriors (exact sum). */
export function chanceToBeat(controlConversions: number, controlUnits: number, conversions: number, units: number): number {
  const alphaA = 1 + controlConversions;
  const betaA = 1 + controlUnits - controlConversions;
  const alphaB = 1 + conversions;
  const betaB = 1 + units - conversions;
  let total = 0;
  for (let i = 0; i < alphaB; i++) total += Math.exp(logBeta(alphaA + i, betaA + betaB) - Math.log(betaB + i) - logBeta(1 + i, betaB) - logBeta(alphaA, betaA));
  return Math.min(1, Math.max(0, total));
}

/** Sample-ratio mismatch: χ² of observed units against the planned split; p < 0.001 flags it. */
export function sampleRatioTest(observed: readonly number[], weights: readonly number[]): { chiSquare: number; pValue: number } {
  const total = observed.reduce((s, n) => s + n, 0);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const chiSquare = observed.reduce((s, n, i) => {
    const expected = (total * weights[i]) / weightSum;
    return s + (expected ? (n - expected) ** 2 / expected : 0);
  }, 0);
  return { chiSquare, pValue: upperGamma((observed.length - 1) / 2, chiSquare / 2) };
}

/** Units per variant to detect `baseline` → `baseline + mde` at α = 0.05 (two-sided), power 0.8. */
export function sampleSizePerVariant(baseline: number, mde: number): number {
  const p2 = baseline + mde;
  const mean = (baseline + p2) / 2;
  const zAlpha = 1.959964;
  const zBeta = 0.841621;
  const n = (zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2))) ** 2 / mde ** 2;
  return Math.ceil(n);
}
