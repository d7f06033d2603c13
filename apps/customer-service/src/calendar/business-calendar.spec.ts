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
