/**
 * Daily demand forecast with weekly seasonality: a level (recent mean) times a weekday index
 * (how that weekday sells relative to the week). Plain and explainable; good enough to size
 * replenishment orders, and its error is measured by back-testing on the SKU's own history.
 */
export interface Forecast {
  /** Units per day for the next `horizon` days, starting tomorrow. */
  readonly daily: number[];
  readonly total: number;
  /** Mean units per day the forecast is built on. */
  readonly level: number;
  /** Multipliers per weekday, Monday first. */
  readonly weekdayIndex: number[];
}

export interface BackTest {
  /** Mean absolute percentage error over days that sold (undefined when none did). */
  readonly mape: number | null;
  /** Total absolute error ÷ total actual units: robust when many days sell nothing. */
  readonly wape: number | null;
  readonly days: number;
}

const LEVEL_DAYS = 28;
const SEASON_WEEKS = 8;

/**
 * @param history units per day, oldest first, ending yesterday
 * @param lastWeekday weekday of the last history day (0 = Monday … 6 = Sunday)
 */
export function forecastDemand(history: readonly number[], lastWeekday: number, horizon = 30): Forecast {
  const recent = history.slice(-LEVEL_DAYS);
  const level = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
  const weekdayIndex = seasonalIndex(history.slice(-SEASON_WEEKS * 7), lastWeekday);
  const daily = Array.from({ length: horizon }, (_, i) => level * weekdayIndex[(lastWeekday + 1 + i) % 7]);
  return { daily, total: daily.reduce((a, b) => a + b, 0), level, weekdayIndex };
}

/** Weekday means over the window divided by the overall mean; flat (all 1) with under two weeks. */
export function seasonalIndex(window: readonly number[], lastWeekday: number): number[] {
  if (window.length < 14) return new Array<number>(7).fill(1);
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  window.forEach((units, i) => {
    const weekday = (((lastWeekday - (window.length - 1 - i)) % 7) + 7) % 7;
    sums[weekday] += units;
    counts[weekday] += 1;
  });
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  if (mean === 0) return new Array<number>(7).fill(1);
  return sums.map((sum, d) => (counts[d] ? sum / counts[d] / mean : 1));
}

/** Forecasts the last `days` of history from what came before, and scores it. */
export function backTest(history: readonly number[], lastWeekday: number, days = 28): BackTest {
  if (history.length < days + 14) return { mape: null, wape: null, days: 0 };
  const train = history.slice(0, history.length - days);
  const actual = history.slice(history.length - days);
  const trainLastWeekday = (((lastWeekday - days) % 7) + 7) % 7;
  const predicted = forecastDemand(train, trainLastWeekday, days).daily;
  const errors = actual.map((a, i) => Math.abs(a - predicted[i]));
  const selling = actual.map((a, i) => (a > 0 ? errors[i] / a : null)).filter((e): e is number => e !== null);
  const totalActual = actual.reduce((a, b) => a + b, 0);
  return {
    mape: selling.length ? selling.reduce((a, b) => a + b, 0) / selling.length : null,
    wape: totalActual > 0 ? errors.reduce((a, b) => a + b, 0) / totalActual : null,
    days,
  };
}

/** Replenishment quantity: cover the lead time and the cover period, keep safety stock, round up to MOQ. */
export function replenishmentQuantity(input: {
  dailyDemand: number;
  leadTimeDays: number;
  coverDays: number;
  safetyStock: number;
  available: number;
  onOrder: number;
  moq: number;
}): number {
  const needed = input.dailyDemand * (input.leadTimeDays + input.coverDays) + input.safetyStock - input.available - input.onOrder;
  if (needed <= 0) return 0;
  const moq = Math.max(1, input.moq);
  return Math.ceil(Math.ceil(needed) / moq) * moq;
}
