import { FIXED_CUTOFFS, matchesRule, ruleProblem, scoreAscending, scoreMember, scoreRecency, usableCutoffs } from './rfm';

describe('RFM', () => {
  it('scores recency reversed and frequency/monetary ascending against quintile cut-offs', () => {
    const cutoffs = [10, 20, 30, 40];
    expect([5, 10, 11, 35, 90].map((d) => scoreRecency(d, cutoffs))).toEqual([5, 5, 4, 2, 1]);
    expect([1, 10, 11, 41].map((v) => scoreAscending(v, cutoffs))).toEqual([1, 1, 2, 5]);
    expect(scoreRecency(null, cutoffs)).toBe(1);
  });

  it('falls back to fixed cut-offs where quintiles degenerate', () => {
    expect(usableCutoffs([1, 1, 1, 2], FIXED_CUTOFFS.frequency)).toBe(FIXED_CUTOFFS.frequency);
    expect(usableCutoffs([2, 4, 6, 8], FIXED_CUTOFFS.frequency)).toEqual([2, 4, 6, 8]);
    expect(usableCutoffs(undefined, FIXED_CUTOFFS.recency)).toBe(FIXED_CUTOFFS.recency);
  });

  it('tags behaviour', () => {
    const score = scoreMember(
      { recencyDays: 200, frequency: 6, monetaryFen: 900_000, firstOrderDays: 400, couponOrders: 4, reviewCount: 3, dormant: true },
      FIXED_CUTOFFS,
    );
    expect(score).toEqual({ r: 1, f: 5, m: 5, tags: ['high-value', 'loyal', 'at-risk', 'price-sensitive', 'reviewer', 'dormant'] });
  });

  it('evaluates rule-based segments', () => {
    const subject = {
      r: 5,
      f: 2,
      m: 4,
      recencyDays: 3,
      frequency: 2,
      monetaryFen: 200_000,
      tier: 'gold',
      communityLevel: 'core_user',
      tags: ['new'],
      interactionScore: 40,
    };
    expect(
      matchesRule(
        {
          all: [
            { field: 'r', op: '>=', value: 4 },
            { field: 'tags', op: 'contains', value: 'new' },
          ],
        },
        subject,
      ),
    ).toBe(true);
    expect(matchesRule({ all: [{ field: 'tier', op: 'in', value: ['silver'] }] }, subject)).toBe(false);
    expect(
      matchesRule(
        {
          any: [
            { field: 'm', op: '<=', value: 2 },
            { field: 'communityLevel', op: '=', value: 'core_user' },
          ],
        },
        subject,
      ),
    ).toBe(true);
    expect(ruleProblem({ all: [{ field: 'height', op: '>=', value: 1 }] })).toMatch(/unknown field/);
    expect(ruleProblem({})).toMatch(/at least one condition/);
  });
});
