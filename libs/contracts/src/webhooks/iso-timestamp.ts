import { ValidateBy, type ValidationOptions } from 'class-validator';

/** ISO 8601 date-time with an explicit offset (`Z` or `+08:00`), as the webhook contract requires. */
export const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CALENDAR_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Business times lie in these years: every consumer (a JS Date, PostgreSQL timestamptz and date,
 * a shop day in any offset) can hold them, so a time accepted at the edge never fails downstream.
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 9998;

/** A real day of the Gregorian calendar: no 30 February, no month 13. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2026-11-11T00:00:01+08:00`: the pattern, and a time that exists (a real day, 23:59:59 at most, offset within ±14:59). */
export function isIsoWithOffset(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_WITH_OFFSET.exec(value) : null;
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.slice(1).map((part) => Number(part ?? 0));
  return isCalendarDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 14 && offsetMinutes <= 59;
}

/** `2026-11-11`: a shop day that exists. */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `2026-11`: a month that exists. */
export function isCalendarMonth(value: unknown): value is string {
  const match = typeof value === 'string' ? CALENDAR_MONTH.exec(value) : null;
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), 1);
}

export function IsIsoWithOffset(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoWithOffset',
      validator: {
        validate: (value) => isIsoWithOffset(value),
        defaultMessage: (args) =>
          `${args?.property} must be an existing ISO 8601 date-time with an offset, e.g. 2026-11-11T00:00:01+08:00 (years ${FIRST_YEAR} to ${LAST_YEAR})`,
      },
    },
    options,
  );
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property} must be an existing date, YYYY-MM-DD (years ${FIRST_YEAR} to ${LAST_YEAR})`,
      },
    },
    options,
  );
}
