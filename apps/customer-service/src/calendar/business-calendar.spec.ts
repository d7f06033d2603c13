import { parseCalendar } from './business-calendar';

describe('business calendar', () => {
  // Split weekday shift with a lunch break; Saturday mornings; National Day week off with a make-up Saturday.
  const calendar = parseCalendar('mon-fri 09:00-12:00 13:30-18:00; sat 10:00-12:00', '2026-10-01/2026-10-07', '2026-10-10', '+08:00');
  const at = (local: string) => new Date(`${local}+08:00`);

  it('counts only open minutes, skipping the lunch break of a split shift', () => {
    expect(calendar.addBusinessMinutes(at('2026-11-24T11:58:00'), 3)).toEqual(at('2026-11-24T13:31:00'));
    expect(calendar.businessMinutesBetween(at('2026-11-24T11:00:00'), at('2026-11-24T14:00:00'))).toBe(90);
    expect(calendar.isOpen(at('2026-11-24T12:30:00'))).toBe(false);
  });

  it('carries a deadline across the weekend: Saturday morning hours, then Monday', () => {
    // Friday 17:58 + 3 min → Saturday 10:01; + 150 min → Monday 09:30 (2 h on Saturday).
    expect(calendar.addBusinessMinutes(at('2026-11-27T17:58:00'), 3)).toEqual(at('2026-11-28T10:01:00'));
    expect(calendar.addBusinessMinutes(at('2026-11-27T17:58:00'), 152)).toEqual(at('2026-11-30T09:30:00'));
    // Starting on a closed Sunday counts from Monday's opening.
    expect(calendar.addBusinessMinutes(at('2026-11-29T15:00:00'), 3)).toEqual(at('2026-11-30T09:03:00'));
    expect(calendar.businessMinutesBetween(at('2026-11-27T17:00:00'), at('2026-11-30T10:00:00'))).toBe(60 + 120 + 60);
  });

  it('skips holidays and works make-up days on Monday hours', () => {
    // Wednesday 30 September 17:00 + 120 min: one hour that day, the holiday week is closed,
    // Saturday 3 Oct is a holiday too, then Thursday 8 October 09:00 → 10:00.
    expect(calendar.addBusinessMinutes(at('2026-09-30T17:00:00'), 120)).toEqual(at('2026-10-08T10:00:00'));
    expect(calendar.isOpen(at('2026-10-05T10:00:00'))).toBe(false);
    // Saturday 10 October is a make-up workday: Monday's split shift, not Saturday's morning.
    expect(calendar.isOpen(at('2026-10-10T15:00:00'))).toBe(true);
    expect(calendar.businessMinutesBetween(at('2026-10-10T00:00:00'), at('2026-10-11T00:00:00'))).toBe(450);
  });

  it('refuses calendars it cannot read', () => {
    expect(() => parseCalendar('mon-fri 9-18', '', '', '+08:00')).toThrow(/HH:MM-HH:MM/);
    expect(() => parseCalendar('someday 09:00-18:00', '', '', '+08:00')).toThrow(/day range/);
    expect(() => parseCalendar('mon 09:00-18:00', '2026-13-01x', '', '+08:00')).toThrow(/not a date/);
  });
});

describe('business calendar boundaries', () => {
  const at = (local: string, offset = '+08:00') => new Date(`${local}${offset}`);
  // A late-night desk: one shift running up to midnight, one after it, on every day.
  const night = parseCalendar('mon-sun 00:00-02:00 22:00-24:00', '2026-12-25', '', '+08:00');

  it('is open from the first minute of a shift and closed at its last', () => {
    const calendar = parseCalendar('mon-fri 09:00-12:00 13:30-18:00', '', '', '+08:00');
    expect(calendar.isOpen(at('2026-11-24T09:00:00'))).toBe(true);
    expect(calendar.isOpen(at('2026-11-24T08:59:59'))).toBe(false);
    expect(calendar.isOpen(at('2026-11-24T11:59:59'))).toBe(true);
    expect(calendar.isOpen(at('2026-11-24T12:00:00'))).toBe(false);
    expect(calendar.isOpen(at('2026-11-24T13:30:00'))).toBe(true);
    expect(calendar.isOpen(at('2026-11-24T18:00:00'))).toBe(false);
  });

  it('ends a deadline at the very end of a shift when the minutes just fit', () => {
    const calendar = parseCalendar('mon-fri 09:00-12:00 13:30-18:00', '', '', '+08:00');
    expect(calendar.addBusinessMinutes(at('2026-11-24T11:00:00'), 60)).toEqual(at('2026-11-24T12:00:00'));
    expect(calendar.addBusinessMinutes(at('2026-11-24T11:00:00'), 61)).toEqual(at('2026-11-24T13:31:00'));
    // Starting exactly when a shift closes counts from the next one.
    expect(calendar.addBusinessMinutes(at('2026-11-24T12:00:00'), 1)).toEqual(at('2026-11-24T13:31:00'));
    // Starting before opening counts from the opening minute.
    expect(calendar.addBusinessMinutes(at('2026-11-24T07:00:00'), 10)).toEqual(at('2026-11-24T09:10:00'));
    // No time at all: the deadline is the start when open.
    expect(calendar.addBusinessMinutes(at('2026-11-24T10:00:00'), 0)).toEqual(at('2026-11-24T10:00:00'));
  });

  it('carries deadlines across midnight on a shift that runs up to 24:00 and resumes at 00:00', () => {
    expect(night.addBusinessMinutes(at('2026-11-24T23:58:00'), 5)).toEqual(at('2026-11-25T00:03:00'));
    expect(night.isOpen(at('2026-11-24T23:59:59'))).toBe(true);
    expect(night.isOpen(at('2026-11-25T00:00:00'))).toBe(true);
    expect(night.isOpen(at('2026-11-25T02:00:00'))).toBe(false);
    // 2 minutes before midnight and 3 after.
    expect(night.businessMinutesBetween(at('2026-11-24T23:58:00'), at('2026-11-25T00:03:00'))).toBe(5);
    // A whole night: 22:00-24:00 then 00:00-02:00.
    expect(night.businessMinutesBetween(at('2026-11-24T21:00:00'), at('2026-11-25T03:00:00'))).toBe(240);
    // 01:59 + 2 → past the 02:00 close to 22:01.
    expect(night.addBusinessMinutes(at('2026-11-25T01:59:00'), 2)).toEqual(at('2026-11-25T22:01:00'));
  });

  it('reads holidays on the local date, not the UTC one', () => {
    // 25 December 00:30 in Shanghai is still 24 December in UTC: the holiday applies.
    expect(night.isOpen(at('2026-12-25T00:30:00'))).toBe(false);
    expect(night.isOpen(at('2026-12-24T23:30:00'))).toBe(true);
    // Christmas Eve 23:59 + 2 skips all of Christmas Day and lands at 00:01 on the 26th.
    expect(night.addBusinessMinutes(at('2026-12-24T23:59:00'), 2)).toEqual(at('2026-12-26T00:01:00'));
    expect(night.businessMinutesBetween(at('2026-12-24T23:00:00'), at('2026-12-26T01:00:00'))).toBe(120);
  });

  it('works a make-up day on Monday hours even when the weekday itself is closed, and a holiday wins over both', () => {
    const calendar = parseCalendar('mon 08:00-10:00; tue-fri 09:00-17:00', '2026-10-11', '2026-10-10, 2026-10-11', '+08:00');
    // Saturday 10 October: a make-up day with Monday's 08:00-10:00, not closed like other Saturdays.
    expect(calendar.isOpen(at('2026-10-10T08:30:00'))).toBe(true);
    expect(calendar.isOpen(at('2026-10-10T10:30:00'))).toBe(false);
    expect(calendar.isOpen(at('2026-10-17T08:30:00'))).toBe(false);
    expect(calendar.addBusinessMinutes(at('2026-10-09T16:30:00'), 60)).toEqual(at('2026-10-10T08:30:00'));
    // Sunday 11 October is listed both ways: the holiday wins.
    expect(calendar.isOpen(at('2026-10-11T08:30:00'))).toBe(false);
    expect(calendar.businessMinutesBetween(at('2026-10-10T00:00:00'), at('2026-10-12T09:00:00'))).toBe(120 + 60);
  });

  it('counts parts of minutes and nothing when the end is not after the start', () => {
    const calendar = parseCalendar('mon-sun 09:00-18:00', '', '', '+08:00');
    expect(calendar.businessMinutesBetween(at('2026-11-24T10:00:00'), at('2026-11-24T10:00:30'))).toBe(0.5);
    expect(calendar.businessMinutesBetween(at('2026-11-24T10:00:00'), at('2026-11-24T10:00:20'))).toBe(0.33);
    expect(calendar.businessMinutesBetween(at('2026-11-24T10:00:00'), at('2026-11-24T10:00:00'))).toBe(0);
    expect(calendar.businessMinutesBetween(at('2026-11-24T11:00:00'), at('2026-11-24T10:00:00'))).toBe(0);
    // Across days: the first day from the start, whole days between, the last day up to the end.
    expect(calendar.businessMinutesBetween(at('2026-11-24T17:00:00'), at('2026-11-26T10:00:00'))).toBe(60 + 540 + 60);
    expect(calendar.addBusinessMinutes(at('2026-11-24T10:00:30'), 1)).toEqual(at('2026-11-24T10:01:30'));
  });

  it('applies a negative UTC offset', () => {
    const calendar = parseCalendar('mon-fri 09:00-17:00', '', '', '-05:00');
    expect(calendar.spec.utcOffsetMinutes).toBe(-300);
    expect(calendar.isOpen(at('2026-11-24T09:00:00', '-05:00'))).toBe(true);
    expect(calendar.isOpen(at('2026-11-24T08:59:00', '-05:00'))).toBe(false);
    expect(calendar.addBusinessMinutes(at('2026-11-24T16:59:00', '-05:00'), 2)).toEqual(at('2026-11-25T09:01:00', '-05:00'));
    expect(parseCalendar('mon 09:00-10:00', '', '', '+05:30').spec.utcOffsetMinutes).toBe(330);
  });

  it('gives up on a calendar that never opens', () => {
    const closed = parseCalendar('', '', '', '+08:00');
    expect(closed.isOpen(at('2026-11-24T10:00:00'))).toBe(false);
    expect(() => closed.addBusinessMinutes(at('2026-11-24T10:00:00'), 1)).toThrow(/no open hours within three years/);
    // Closed for over a year, then Monday 3 January 2028: still found within three years.
    const rare = parseCalendar('mon 09:00-10:00', '2026-11-01/2028-01-02', '', '+08:00');
    expect(rare.addBusinessMinutes(at('2026-11-24T10:00:00'), 1)).toEqual(at('2028-01-03T09:01:00'));
  });

  it('reads day ranges, wrap-around weeks, several parts and unordered shifts', () => {
    const calendar = parseCalendar(' SAT-MON 13:00-14:00 09:00-10:00 ;; wed 00:00-24:00; ', '', '', '+08:00');
    const week = calendar.spec.week;
    expect(week[6]).toEqual([
      { start: 540, end: 600 },
      { start: 780, end: 840 },
    ]);
    expect(week[0]).toEqual(week[6]);
    expect(week[1]).toEqual(week[6]);
    expect(week[2]).toEqual([]);
    expect(week[3]).toEqual([{ start: 0, end: 1440 }]);
    expect(week[4]).toEqual([]);
    expect(week[5]).toEqual([]);
    // Every day by name, Sunday first; days and shifts may be separated by several spaces or tabs.
    const named = parseCalendar(
      'sun 01:00-02:00; mon 02:00-03:00; tue 03:00-04:00; wed 04:00-05:00; thu  05:00-06:00\t06:00-07:00; fri 06:00-07:00; sat 07:00-08:00',
      '',
      '',
      '+08:00',
    );
    expect(named.spec.week.map((shifts) => shifts[0].start / 60)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(named.spec.week[4]).toHaveLength(2);
    // Two parts naming one day add up, in time order.
    expect(parseCalendar('mon 13:00-14:00; mon 09:00-10:00', '', '', '+08:00').spec.week[1]).toEqual([
      { start: 540, end: 600 },
      { start: 780, end: 840 },
    ]);
  });

  it('reads holiday lists with ranges, commas and spaces', () => {
    const calendar = parseCalendar('mon-sun 09:00-18:00', '2026-10-01/2026-10-03 , 2027-01-01,2027-02-10', '2026-09-27', '+08:00');
    expect([...calendar.spec.holidays]).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01', '2027-02-10']);
    expect([...calendar.spec.makeUpWorkdays]).toEqual(['2026-09-27']);
    expect(parseCalendar('mon 09:00-10:00', '', '', '+08:00').spec.holidays.size).toBe(0);
  });

  it('refuses shifts that end before they start or after midnight, and malformed offsets and dates', () => {
    expect(() => parseCalendar('mon 10:00-09:00', '', '', '+08:00')).toThrow('business hours: "10:00-09:00" must end after it starts, by 24:00');
    expect(() => parseCalendar('mon 10:00-10:00', '', '', '+08:00')).toThrow(/must end after it starts/);
    expect(() => parseCalendar('mon 22:00-24:01', '', '', '+08:00')).toThrow(/by 24:00/);
    expect(() => parseCalendar('mon x09:00-10:00', '', '', '+08:00')).toThrow('business hours: "x09:00-10:00" is not HH:MM-HH:MM');
    expect(() => parseCalendar('mon 09:00-10:00x', '', '', '+08:00')).toThrow(/HH:MM-HH:MM/);
    expect(() => parseCalendar('mon-funday 09:00-10:00', '', '', '+08:00')).toThrow('business hours: "mon-funday" is not a day or day range (mon…sun)');
    expect(() => parseCalendar('mon 09:00-10:00', '', '', '08:00')).toThrow('UTC offset "08:00" must look like +08:00');
    expect(() => parseCalendar('mon 09:00-10:00', '', '', '+08:00x')).toThrow(/must look like/);
    expect(() => parseCalendar('mon 09:00-10:00', '', '', 'x+08:00')).toThrow(/must look like/);
    expect(() => parseCalendar('mon 09:00-10:00', '2026-10-01/2026-10', '', '+08:00')).toThrow('"2026-10-01/2026-10" is not a date or date/date range');
    expect(() => parseCalendar('mon 09:00-10:00', 'x2026-10-01', '', '+08:00')).toThrow(/not a date/);
    expect(() => parseCalendar('mon 09:00-10:00', '2026-10-01x', '', '+08:00')).toThrow(/not a date/);
    expect(() => parseCalendar('mon 09:00-10:00', '2026-10-01/x2026-10-02', '', '+08:00')).toThrow(/not a date/);
    expect(() => parseCalendar('mon 09:00-10:00', '2026-10-01/2026-10-02x', '', '+08:00')).toThrow(/not a date/);
    expect(() => parseCalendar('mon 09:00-10:00', '', 'soon', '+08:00')).toThrow(/not a date/);
    expect(() => parseCalendar('mon 09:00-10:00', 'x2026-10-01/2026-10-02', '', '+08:00')).toThrow(/not a date/);
    expect(() => parseCalendar('mon 09:00-10:00', '2026-10-01x/2026-10-02', '', '+08:00')).toThrow(/not a date/);
    expect(() => parseCalendar('funday-mon 09:00-10:00', '', '', '+08:00')).toThrow(/not a day or day range/);
  });
});
