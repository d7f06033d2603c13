/** Figures are shown to four decimal places. */
export const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** a ÷ b to four places, or null when there is nothing to divide by. */
export const ratio = (a: number, b: number) => (b ? round4(a / b) : null);

/** Return on spend at the shop's margin: (GMV × margin − spend) ÷ spend, or null without spend. */
export const returnOnSpend = (gmvFen: number, spendFen: number, marginPercent: number) =>
  spendFen ? round4((gmvFen * (marginPercent / 100) - spendFen) / spendFen) : null;
