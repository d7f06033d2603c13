import { PiiVault } from '@shopops/platform';
import { configProblems } from '@shopops/testing';
import { MEMBERSHIP_CONFIG_SECTIONS, loadMembershipConfig, loadPointsExpiry } from './membership.config';
import { EndOfFollowingYear, RollingMonths } from './points/points-expiry.policy';

describe('membership configuration', () => {
  it("keeps DOMAIN.md's defaults", () => {
    expect(loadMembershipConfig({})).toMatchObject({
      earnRates: { bronze: 1, silver: 1.2, gold: 1.5 },
      baseEarnRate: 1,
      returnWindowSeconds: 7 * 86_400,
      clawbackPolicy: 'clamp-and-record-debt',
      winBackCouponTemplate: 'WINBACK-50',
      winBackHoldoutPercent: 10,
      abandonedCartHours: 24,
      piiRoles: ['admin', 'cs_agent'],
    });
    expect(loadPointsExpiry({})).toBeInstanceOf(EndOfFollowingYear);
  });

  it('chooses the points expiry strategy from MEMBERSHIP_POINTS_EXPIRY', () => {
    expect(loadPointsExpiry({ MEMBERSHIP_POINTS_EXPIRY: 'months:12' })).toBeInstanceOf(RollingMonths);
    expect(configProblems(() => loadPointsExpiry({ MEMBERSHIP_POINTS_EXPIRY: 'weekly' }))).toEqual([
      'MEMBERSHIP_POINTS_EXPIRY="weekly" is invalid: end-of-next-year or months:<n>',
    ]);
  });

  it('takes the community-level thresholds from the environment, the co-creator one above the core one', () => {
    expect(loadMembershipConfig({}).communityLevels).toEqual({ coreUser: 100, coCreator: 500 });
    expect(loadMembershipConfig({ MEMBERSHIP_COMMUNITY_CORE_SCORE: '40', MEMBERSHIP_COMMUNITY_CO_CREATOR_SCORE: '80' }).communityLevels).toEqual({
      coreUser: 40,
      coCreator: 80,
    });
    expect(configProblems(() => loadMembershipConfig({ MEMBERSHIP_COMMUNITY_CORE_SCORE: '600' }))).toEqual([
      'MEMBERSHIP_COMMUNITY_CO_CREATOR_SCORE=500 must be above MEMBERSHIP_COMMUNITY_CORE_SCORE=600',
    ]);
  });

  it('takes the impulse-buyer and style thresholds from the environment', () => {
    expect(loadMembershipConfig({})).toMatchObject({
      impulseMinutes: 15,
      impulseMinPurchases: 3,
      impulseSharePercent: 50,
      styleMinWeight: 10,
      styleSharePercent: 30,
    });
    expect(
      loadMembershipConfig({
        MEMBERSHIP_IMPULSE_MINUTES: '120',
        MEMBERSHIP_IMPULSE_MIN_PURCHASES: '2',
        MEMBERSHIP_IMPULSE_SHARE_PERCENT: '80',
        MEMBERSHIP_STYLE_MIN_WEIGHT: '5',
        MEMBERSHIP_STYLE_SHARE_PERCENT: '50',
      }),
    ).toMatchObject({ impulseMinutes: 120, impulseMinPurchases: 2, impulseSharePercent: 80, styleMinWeight: 5, styleSharePercent: 50 });
    expect(configProblems(() => loadMembershipConfig({ MEMBERSHIP_STYLE_SHARE_PERCENT: '0' }))).toEqual([
      'MEMBERSHIP_STYLE_SHARE_PERCENT="0" must be an integer between 1 and 100',
    ]);
  });

  it('takes the abandoned-cart delay from the environment, under a week', () => {
    expect(loadMembershipConfig({ MEMBERSHIP_ABANDONED_CART_HOURS: '4' }).abandonedCartHours).toBe(4);
    expect(configProblems(() => loadMembershipConfig({ MEMBERSHIP_ABANDONED_CART_HOURS: '200' }))).toEqual([
      'MEMBERSHIP_ABANDONED_CART_HOURS="200" must be an integer between 1 and 167',
    ]);
  });

  it('names every bad value', () => {
    expect(configProblems(() => loadMembershipConfig({ MEMBERSHIP_EARN_RATES: 'gold:x silver', MEMBERSHIP_CLAWBACK_POLICY: 'forgive' }))).toEqual([
      'MEMBERSHIP_EARN_RATES: "gold:x", "silver" are not tier:rate',
      'MEMBERSHIP_CLAWBACK_POLICY="forgive" must be one of allow-negative, clamp-and-record-debt',
    ]);
  });

  it('holds the PII vault, which production refuses to open with the development keys', () => {
    const vault = MEMBERSHIP_CONFIG_SECTIONS.find((section) => section.key === 'piiVault');
    expect(vault?.load({})).toBeInstanceOf(PiiVault);
    expect(configProblems(() => vault?.load({ NODE_ENV: 'production' }))).toEqual([
      'PII_LOOKUP_KEY must be set in production',
      'PII_KEYS must be set in production (id:base64key, newest first)',
    ]);
  });
});
