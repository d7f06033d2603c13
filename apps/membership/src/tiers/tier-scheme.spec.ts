import { validatePlain } from '@shopops/contracts';
import { decideTier, qualifyingTier, TierScheme } from './tier-scheme';

const benefits = { birthdayGift: '', earlyAccessHours: 0, freeShipping: false, priorityShipping: false, dedicatedAgent: false, designerConsultation: false };
const classic: TierScheme = {
  code: 'classic',
  name: '三阶',
  reviewMonths: 12,
  tiers: [
    { code: 'bronze', name: '铜', rank: 0, spendFen: 0, score: 0, benefits },
    { code: 'silver', name: '银', rank: 1, spendFen: 300000, score: 200, benefits },
    { code: 'gold', name: '金', rank: 2, spendFen: 1000000, score: 600, benefits },
  ],
};
const fiveTiersWithLifetime: TierScheme = {
  code: 'collector',
  name: 'explorer to collector',
  reviewMonths: 12,
  tiers: [
    { code: 'explorer', name: '探索者', rank: 0, spendFen: 0, score: 0, benefits },
    { code: 'admirer', name: '欣赏者', rank: 1, spendFen: 100000, score: 0, benefits },
    { code: 'enthusiast', name: '爱好者', rank: 2, spendFen: 500000, score: 0, benefits },
    { code: 'connoisseur', name: '鉴赏家', rank: 3, spendFen: 2000000, score: 0, benefits },
    { code: 'collector', name: '收藏家', rank: 4, spendFen: 5000000, score: 0, benefits },
    { code: 'icon', name: '终身', rank: 5, spendFen: 0, score: 0, lifetimeOnly: true, benefits },
  ],
};

describe('tier schemes', () => {
  it('qualifies on spend or on interaction score', () => {
    expect(qualifyingTier(classic, { spendFen: 299999, score: 0 }).code).toBe('bronze');
    expect(qualifyingTier(classic, { spendFen: 300000, score: 0 }).code).toBe('silver');
    expect(qualifyingTier(classic, { spendFen: 0, score: 650 }).code).toBe('gold');
  });

  it('expresses five tiers and a lifetime tier that rules never grant', () => {
    expect(validatePlain(TierScheme, fiveTiersWithLifetime).ok).toBe(true);
    expect(qualifyingTier(fiveTiersWithLifetime, { spendFen: 9_999_999, score: 0 }).code).toBe('collector');
  });

  it('upgrades at once but downgrades only after the review date and the grace period', () => {
    const now = new Date('2026-11-24T00:00:00Z');
    const gold = { code: 'gold', lifetime: false, reviewAt: new Date('2026-11-10T00:00:00Z') };
    expect(decideTier(classic, { ...gold, code: 'silver' }, { spendFen: 1_200_000, score: 0 }, now, 30)).toMatchObject({
      change: 'upgrade',
      to: { code: 'gold' },
    });
    expect(decideTier(classic, gold, { spendFen: 0, score: 0 }, now, 30)).toEqual({ change: 'none' });
    expect(decideTier(classic, gold, { spendFen: 0, score: 0 }, new Date('2026-12-11T00:00:00Z'), 30)).toMatchObject({
      change: 'downgrade',
      to: { code: 'bronze' },
    });
    expect(decideTier(classic, { ...gold, lifetime: true }, { spendFen: 0, score: 0 }, new Date('2030-01-01T00:00:00Z'), 30)).toEqual({ change: 'none' });
  });

  it('reads the ladder by rank, whatever order the scheme lists it in', () => {
    const shuffled: TierScheme = { ...classic, tiers: [classic.tiers[2], classic.tiers[0], classic.tiers[1]] };
    expect(qualifyingTier(shuffled, { spendFen: 0, score: 0 }).code).toBe('bronze');
    expect(qualifyingTier(shuffled, { spendFen: 300000, score: 0 }).code).toBe('silver');
    expect(qualifyingTier(shuffled, { spendFen: 1_000_000, score: 0 }).code).toBe('gold');
  });

  it('never grants a lifetime-only tier, even as the lowest rank', () => {
    const lifetimeFirst: TierScheme = { ...classic, tiers: [{ ...classic.tiers[0], code: 'founder', rank: -1, lifetimeOnly: true }, ...classic.tiers] };
    expect(qualifyingTier(lifetimeFirst, { spendFen: 0, score: 0 }).code).toBe('bronze');
  });

  it('counts a score exactly at the threshold, and no score route where the threshold is 0', () => {
    expect(qualifyingTier(classic, { spendFen: 0, score: 200 }).code).toBe('silver');
    expect(qualifyingTier(classic, { spendFen: 0, score: 199 }).code).toBe('bronze');
    expect(qualifyingTier(classic, { spendFen: 0, score: 600 }).code).toBe('gold');
    const spendOnly: TierScheme = { ...classic, tiers: classic.tiers.map((t) => ({ ...t, score: 0 })) };
    expect(qualifyingTier(spendOnly, { spendFen: 0, score: 10_000 }).code).toBe('bronze');
  });

  it('downgrades from the exact moment review date plus grace has passed, not a millisecond before', () => {
    const reviewAt = new Date('2026-11-10T00:00:00Z');
    const due = new Date(reviewAt.getTime() + 30 * 86_400_000);
    const gold = { code: 'gold', lifetime: false, reviewAt };
    const standing = { spendFen: 300000, score: 0 };
    expect(decideTier(classic, gold, standing, due, 30)).toMatchObject({ change: 'downgrade', to: { code: 'silver' } });
    expect(decideTier(classic, gold, standing, new Date(due.getTime() - 1), 30)).toEqual({ change: 'none' });
  });

  it('keeps a member whose standing matches the current tier, and treats an unknown current tier as the lowest rank', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const silver = { code: 'silver', lifetime: false, reviewAt: new Date('2026-01-01T00:00:00Z') };
    expect(decideTier(classic, silver, { spendFen: 300000, score: 0 }, now, 30)).toEqual({ change: 'none' });
    expect(decideTier(classic, { ...silver, code: 'retired-tier' }, { spendFen: 300000, score: 0 }, now, 30)).toMatchObject({
      change: 'upgrade',
      to: { code: 'silver' },
    });
    expect(decideTier(classic, { ...silver, code: 'retired-tier' }, { spendFen: 0, score: 0 }, now, 30)).toEqual({ change: 'none' });
  });
});
