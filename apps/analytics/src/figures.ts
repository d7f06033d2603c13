/** Figures are shown to four decimal places. */
export const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** a ÷ b to four places, or null when there is nothing to divide by. */
export const ratio = (a: number, b: number) => (b ? round4(a / b) : null);
