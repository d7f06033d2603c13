import { EndOfFollowingYear, expiryPolicyFrom, RollingMonths } from './points-expiry.policy';

describe('points expiry', () => {
  it('expires at the end of the following year in Shanghai time', () => {
    const policy = new EndOfFollowingYear();
    expect(policy.expiresAt(new Date('2026-03-01T10:00:00+08:00')).toISOString()).toBe('2027-12-31T15:59:59.999Z');
    // 00:30 on 1 January in Shanghai is still the previous day in UTC: it counts as 2027.
    expect(policy.expiresAt(new Date('2027-01-01T00:30:00+08:00')).toISOString()).toBe('2028-12-31T15:59:59.999Z');
  });

  it('supports a rolling policy and refuses unknown ones', () => {
    expect(new RollingMonths(24).expiresAt(new Date('2026-03-01T00:00:00Z')).toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(expiryPolicyFrom('months:12')).toBeInstanceOf(RollingMonths);
    expect(() => expiryPolicyFrom('forever')).toThrow(/MEMBERSHIP_POINTS_EXPIRY/);
  });

  it('reads the setting exactly: end of next year by default, months:<n> rolling, anything else refused by name', () => {
    for (const spec of [undefined, '', 'end-of-next-year']) expect(expiryPolicyFrom(spec)).toBeInstanceOf(EndOfFollowingYear);
    expect(expiryPolicyFrom('months:6').expiresAt(new Date('2026-03-01T00:00:00Z'))?.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    for (const spec of ['months:12x', 'xmonths:12', 'months:', 'months:1234', 'end-of-next-year ']) {
      expect(() => expiryPolicyFrom(spec)).toThrow(`MEMBERSHIP_POINTS_EXPIRY must be end-of-next-year or months:<n>, not "${spec}"`);
    }
  });
});
