import { festivalDays, type Festival } from '@shopops/platform';

const DAY_MS = 86_400_000;

/** A staff member's figures over a period. */
export interface StaffFigures {
  readonly conversations: number;
  /** Average first response in business minutes; null when nothing was answered. */
  readonly avgFirstResponseBusinessMinutes: number | null;
  readonly resolutionRate: number;
  /** Average CSAT (1–5); null without answered surveys. */
  readonly csat: number | null;
}

export interface ScorecardTargets {
  readonly responseMinutes: number;
  readonly resolutionRate: number;
  readonly csat: number;
}

export interface Measure {
  readonly name: 'avgFirstResponseBusinessMinutes' | 'resolutionRate' | 'csat';
  readonly value: number | null;
  readonly target: number;
  /** Null when there is nothing to judge (no answer, no survey). */
  readonly met: boolean | null;
}

/** Each figure against its target: response time at most, resolution rate and CSAT at least. */
export function assess(figures: StaffFigures, targets: ScorecardTargets): Measure[] {
  const atMost = (value: number | null, target: number) => (value === null ? null : value <= target);
  const atLeast = (value: number | null, target: number) => (value === null ? null : value >= target);
  return [
    {
      name: 'avgFirstResponseBusinessMinutes',
      value: figures.avgFirstResponseBusinessMinutes,
      target: targets.responseMinutes,
      met: atMost(figures.avgFirstResponseBusinessMinutes, targets.responseMinutes),
    },
    {
      name: 'resolutionRate',
      value: figures.resolutionRate,
      target: targets.resolutionRate,
      met: figures.conversations ? atLeast(figures.resolutionRate, targets.resolutionRate) : null,
    },
    { name: 'csat', value: figures.csat, target: targets.csat, met: atLeast(figures.csat, targets.csat) },
  ];
}

/** A period as instants: [from, to) between local midnights of the shop's offset. */
export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/** The calendar month `YYYY-MM` in the shop's time; undefined when it is not one. */
export function monthPeriod(month: string, utcOffsetMinutes: number): Period | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return undefined;
  const [year, index] = [Number(match[1]), Number(match[2]) - 1];
  const shift = utcOffsetMinutes * 60_000;
  return { from: new Date(Date.UTC(year, index, 1) - shift), to: new Date(Date.UTC(year, index + 1, 1) - shift) };
}

/** The month `YYYY-MM` holding `at` in the shop's time. */
export function monthOf(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 7);
}

/**
 * The festival assessed in a month: the one whose last day falls in it (双11's run-up from late
 * October belongs to November's scorecard), over its whole window; undefined in other months.
 */
export function festivalOf(month: string, festivals: readonly Festival[], utcOffsetMinutes: number): (Period & { name: string }) | undefined {
  const days = festivalDays(month, festivals);
  if (!days) return undefined;
  const shift = utcOffsetMinutes * 60_000;
  const from = Date.parse(`${days.from}T00:00:00Z`) - shift;
  const to = Date.parse(`${days.to}T00:00:00Z`) + DAY_MS - shift;
  return { name: days.name, from: new Date(from), to: new Date(to) };
}
