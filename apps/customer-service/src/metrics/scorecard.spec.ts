import { loadCustomerServiceConfig } from '../customer-service.config';
import { assess, festivalOf, monthOf, monthPeriod } from './scorecard';

describe('staff scorecards', () => {
  const targets = loadCustomerServiceConfig({}).scorecard;

  it('judges response time at most, resolution rate and CSAT at least their targets', () => {
    expect(targets).toMatchObject({ responseMinutes: 3, resolutionRate: 0.9, csat: 4.5 });
    expect(assess({ conversations: 10, avgFirstResponseBusinessMinutes: 3, resolutionRate: 0.9, csat: 4.5 }, targets).map((m) => m.met)).toEqual([
      true,
      true,
      true,
    ]);
    expect(assess({ conversations: 10, avgFirstResponseBusinessMinutes: 3.01, resolutionRate: 0.89, csat: 4.49 }, targets).map((m) => m.met)).toEqual([
      false,
      false,
      false,
    ]);
    // Nothing answered, nothing surveyed, nothing owned: not judged.
    expect(assess({ conversations: 0, avgFirstResponseBusinessMinutes: null, resolutionRate: 0, csat: null }, targets).map((m) => m.met)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('takes its targets from the configuration', () => {
    const strict = loadCustomerServiceConfig({
      CS_SCORECARD_RESPONSE_MINUTES: '1',
      CS_SCORECARD_RESOLUTION_PERCENT: '95',
      CS_SCORECARD_CSAT_TENTHS: '48',
    }).scorecard;
    expect(assess({ conversations: 10, avgFirstResponseBusinessMinutes: 2, resolutionRate: 0.92, csat: 4.6 }, targets).map((m) => m.met)).toEqual([
      true,
      true,
      true,
    ]);
    expect(assess({ conversations: 10, avgFirstResponseBusinessMinutes: 2, resolutionRate: 0.92, csat: 4.6 }, strict).map((m) => m.met)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('cuts months at the shop’s midnight', () => {
    expect(monthPeriod('2026-11', 480)).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
    expect(monthPeriod('2026-12', 480)?.to).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(monthPeriod('2026-13', 480)).toBeUndefined();
    expect(monthPeriod('2026-1', 480)).toBeUndefined();
    expect(monthOf(new Date('2026-11-30T16:30:00Z'), 480)).toBe('2026-12');
  });

  it('assesses 618 in June and 双11 with its October run-up in November, nothing in other months', () => {
    const { festivals } = targets;
    expect(festivals.map((f) => f.name)).toEqual(['618', '双11']);
    expect(festivalOf('2026-06', festivals, 480)).toEqual({ name: '618', from: new Date('2026-05-31T16:00:00Z'), to: new Date('2026-06-18T16:00:00Z') });
    expect(festivalOf('2026-11', festivals, 480)).toEqual({ name: '双11', from: new Date('2026-10-19T16:00:00Z'), to: new Date('2026-11-11T16:00:00Z') });
    expect(festivalOf('2026-10', festivals, 480)).toBeUndefined();
    // A window across the new year starts in the previous year.
    const newYear = loadCustomerServiceConfig({ CS_SCORECARD_FESTIVALS: '年货节:12-20/01-10' }).scorecard.festivals;
    expect(festivalOf('2027-01', newYear, 480)).toEqual({ name: '年货节', from: new Date('2026-12-19T16:00:00Z'), to: new Date('2027-01-10T16:00:00Z') });
  });

  it('refuses festival windows it cannot read', () => {
    expect(() => loadCustomerServiceConfig({ CS_SCORECARD_FESTIVALS: '618:6-1/6-18' })).toThrow(
      /CS_SCORECARD_FESTIVALS: "618:6-1\/6-18" is not name:MM-DD\/MM-DD/,
    );
  });
});
