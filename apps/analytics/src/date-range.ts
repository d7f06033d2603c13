import { isCalendarDate } from '@shopops/contracts';
import { invalidField } from '@shopops/platform';

/** A from/to pair of shop days (YYYY-MM-DD), optionally no longer than `maxDays`. */
export function assertDateRange(from: string, to: string, maxDays?: number): void {
  if (!isCalendarDate(from)) throw invalidField('from', 'must be an existing date, YYYY-MM-DD');
  if (!isCalendarDate(to)) throw invalidField('to', 'must be an existing date, YYYY-MM-DD');
  if (to < from) throw invalidField('to', 'must not be before from');
  if (maxDays !== undefined && Date.parse(to) - Date.parse(from) > maxDays * 86_400_000) throw invalidField('to', 'must be at most two years after from');
}

/** Two years at most: the rollups are daily. */
export function assertRangeWithinTwoYears(from: string, to: string): void {
  assertDateRange(from, to, 731);
}
