import { invalidField } from '@shopops/platform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A from/to pair of shop days (YYYY-MM-DD), optionally no longer than `maxDays`. */
export function assertDateRange(from: string, to: string, maxDays?: number): void {
  if (!DATE.test(from) || Number.isNaN(Date.parse(from))) throw invalidField('from', 'must be a date, YYYY-MM-DD');
  if (!DATE.test(to) || Number.isNaN(Date.parse(to))) throw invalidField('to', 'must be a date, YYYY-MM-DD');
  if (to < from) throw invalidField('to', 'must not be before from');
  if (maxDays !== undefined && Date.parse(to) - Date.parse(from) > maxDays * 86_400_000) throw invalidField('to', 'must be at most two years after from');
}
