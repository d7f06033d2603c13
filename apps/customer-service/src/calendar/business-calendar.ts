/**
 * Business time: opening hours per weekday (split shifts allowed), public holidays and make-up
 * working days (调休, which follow Monday's hours), in the shop's fixed UTC offset (China keeps
 * no daylight saving). SLA clocks run only inside these hours.
 */
export interface Shift {
  /** Minutes after local midnight. */
  readonly start: number;
  readonly end: number;
}

export interface CalendarSpec {
  readonly utcOffsetMinutes: number;
  /** Index 0 = Sunday … 6 = Saturday. */
  readonly week: ReadonlyArray<readonly Shift[]>;
  readonly holidays: ReadonlySet<string>;
  readonly makeUpWorkdays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export class BusinessCalendar {
  constructor(readonly spec: CalendarSpec) {}

  /** The shifts of a local date (YYYY-MM-DD at index `localDay` days since the epoch). */
  private shiftsOn(localDay: number): readonly Shift[] {
    const date = new Date(localDay * DAY_MS).toISOString().slice(0, 10);
    if (this.spec.holidays.has(date)) return [];
    if (this.spec.makeUpWorkdays.has(date)) return this.spec.week[1];
    return this.spec.week[new Date(localDay * DAY_MS).getUTCDay()];
  }

  private local(at: Date): { day: number; minute: number } {
    const localMs = at.getTime() + this.spec.utcOffsetMinutes * 60_000;
    const day = Math.floor(localMs / DAY_MS);
    return { day, minute: (localMs - day * DAY_MS) / 60_000 };
  }

  private instant(day: number, minute: number): Date {
    return new Date(day * DAY_MS + minute * 60_000 - this.spec.utcOffsetMinutes * 60_000);
  }

  isOpen(at: Date): boolean {
    const { day, minute } = this.local(at);
    return this.shiftsOn(day).some((s) => minute >= s.start && minute < s.end);
  }

  /** The moment `minutes` of business time after `from` have passed. */
  addBusinessMinutes(from: Date, minutes: number): Date {
    let left = minutes;
    let { day, minute } = this.local(from);
    for (let scanned = 0; scanned < 3 * 366; scanned++, day++, minute = 0) {
      for (const shift of this.shiftsOn(day)) {
        const start = Math.max(shift.start, minute);
        if (start >= shift.end) continue;
        const available = shift.end - start;
        if (left <= available) return this.instant(day, start + left);
        left -= available;
      }
    }
    throw new Error('the business calendar has no open hours within three years');
  }

  /** Business minutes between two moments (0 when `to` is not after `from`). */
  businessMinutesBetween(from: Date, to: Date): number {
    if (to <= from) return 0;
    const a = this.local(from);
    const b = this.local(to);
    let total = 0;
    for (let day = a.day; day <= b.day; day++) {
      for (const shift of this.shiftsOn(day)) {
        const start = Math.max(shift.start, day === a.day ? a.minute : 0);
        const end = Math.min(shift.end, day === b.day ? b.minute : 24 * 60);
        if (end > start) total += end - start;
      }
    }
    return Math.round(total * 100) / 100;
  }
}

/**
 * Reads `mon-fri 09:00-12:00 13:30-18:00; sat 10:00-16:00` (days without hours are closed),
 * holidays as `2026-10-01/2026-10-07, 2027-01-01`, make-up workdays likewise, offset `+08:00`.
 */
export function parseCalendar(hours: string, holidays: string, makeUpWorkdays: string, offset: string): BusinessCalendar {
  const week: Shift[][] = DAYS.map(() => []);
  for (const part of hours
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [days, ...ranges] = part.split(/\s+/);
    const [from, to = from] = days
      .toLowerCase()
      .split('-')
      .map((d) => DAYS.indexOf(d));
    if (from < 0 || to < 0) throw new Error(`business hours: "${days}" is not a day or day range (mon…sun)`);
    const shifts = ranges.map((range) => {
      const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(range);
      if (!match) throw new Error(`business hours: "${range}" is not HH:MM-HH:MM`);
      const [start, end] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
      if (end <= start || end > 24 * 60) throw new Error(`business hours: "${range}" must end after it starts, by 24:00`);
      return { start, end };
    });
    for (let d = from; ; d = (d + 1) % 7) {
      week[d] = [...week[d], ...shifts].sort((x, y) => x.start - y.start);
      if (d === to) break;
    }
  }
  const offsetMatch = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!offsetMatch) throw new Error(`UTC offset "${offset}" must look like +08:00`);
  const utcOffsetMinutes = (offsetMatch[1] === '-' ? -1 : 1) * (Number(offsetMatch[2]) * 60 + Number(offsetMatch[3]));
  return new BusinessCalendar({ utcOffsetMinutes, week, holidays: dateSet(holidays), makeUpWorkdays: dateSet(makeUpWorkdays) });
}

function dateSet(text: string): Set<string> {
  const dates = new Set<string>();
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const [from, to = from] = part.split('/');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) throw new Error(`"${part}" is not a date or date/date range`);
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) dates.add(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}
