import {
  FIXED_CUTOFFS,
  isImpulseBuyer,
  lifecycleStage,
  matchesRule,
  ruleProblem,
  scoreAscending,
  scoreMember,
  scoreRecency,
  styleTags,
  usableCutoffs,
} from './rfm';

/** The default behaviour thresholds (MEMBERSHIP_BROWSER_VIEWS, _IMPULSE_MIN_PURCHASES, _IMPULSE_SHARE_PERCENT, _STYLE_MIN_WEIGHT, _STYLE_SHARE_PERCENT). */
const BEHAVIOUR = { browserViews: 10, impulseMinPurchases: 3, impulseSharePercent: 50, styleMinWeight: 10, styleSharePercent: 30 };
/** No tracked purchases and no style signals. */
const NO_SIGNALS = { trackedPurchases: 0, impulsePurchases: 0, styleWeights: [] };

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
      {
        recencyDays: 200,
        frequency: 6,
        monetaryFen: 900_000,
        firstOrderDays: 400,
        couponOrders: 4,
        reviewCount: 3,
        dormant: true,
        productViews: 0,
        interactionScore: 60,
        ...NO_SIGNALS,
      },
      FIXED_CUTOFFS,
      BEHAVIOUR,
    );
    expect(score).toEqual({ r: 1, f: 5, m: 5, tags: ['high-value', 'loyal', 'at-risk', 'price-sensitive', 'reviewer', 'dormant'], stage: 'retain' });
  });

  it('places members reach → engage → convert → retain, and tags a browser from MEMBERSHIP_BROWSER_VIEWS views without a purchase', () => {
    const facts = { frequency: 0, productViews: 0, interactionScore: 0 };
    expect(lifecycleStage(facts)).toBe('reach');
    expect(lifecycleStage({ ...facts, productViews: 1 })).toBe('engage');
    expect(lifecycleStage({ ...facts, interactionScore: 2 })).toBe('engage');
    expect(lifecycleStage({ ...facts, frequency: 1, productViews: 30 })).toBe('convert');
    expect(lifecycleStage({ ...facts, frequency: 2 })).toBe('retain');
    const member = (productViews: number, frequency: number) => ({
      recencyDays: frequency ? 10 : null,
      frequency,
      monetaryFen: frequency * 10_000,
      firstOrderDays: frequency ? 400 : null,
      couponOrders: 0,
      reviewCount: 0,
      dormant: false,
      productViews,
      interactionScore: 0,
      ...NO_SIGNALS,
    });
    expect(scoreMember(member(10, 0), FIXED_CUTOFFS, BEHAVIOUR).tags).toEqual(['browser']);
    expect(scoreMember(member(9, 0), FIXED_CUTOFFS, BEHAVIOUR).tags).toEqual([]);
    expect(scoreMember(member(50, 1), FIXED_CUTOFFS, BEHAVIOUR).tags).not.toContain('browser');
    // A shop that sets the threshold to 30 views.
    expect(scoreMember(member(10, 0), FIXED_CUTOFFS, { ...BEHAVIOUR, browserViews: 30 }).tags).toEqual([]);
    expect(scoreMember(member(30, 0), FIXED_CUTOFFS, { ...BEHAVIOUR, browserViews: 30 }).tags).toEqual(['browser']);
  });

  it('tags an impulse buyer from MEMBERSHIP_IMPULSE_MIN_PURCHASES tracked purchases, at least MEMBERSHIP_IMPULSE_SHARE_PERCENT of them soon after a first view', () => {
    expect(isImpulseBuyer({ trackedPurchases: 3, impulsePurchases: 2 }, BEHAVIOUR)).toBe(true);
    expect(isImpulseBuyer({ trackedPurchases: 4, impulsePurchases: 2 }, BEHAVIOUR)).toBe(true); // exactly half
    expect(isImpulseBuyer({ trackedPurchases: 5, impulsePurchases: 2 }, BEHAVIOUR)).toBe(false);
    expect(isImpulseBuyer({ trackedPurchases: 2, impulsePurchases: 2 }, BEHAVIOUR)).toBe(false); // too few to judge
    expect(isImpulseBuyer({ trackedPurchases: 0, impulsePurchases: 0 }, { ...BEHAVIOUR, impulseMinPurchases: 1 })).toBe(false);
    // A shop that judges from 2 purchases and asks for 80%.
    const strict = { ...BEHAVIOUR, impulseMinPurchases: 2, impulseSharePercent: 80 };
    expect(isImpulseBuyer({ trackedPurchases: 2, impulsePurchases: 2 }, strict)).toBe(true);
    expect(isImpulseBuyer({ trackedPurchases: 5, impulsePurchases: 3 }, strict)).toBe(false);
    expect(isImpulseBuyer({ trackedPurchases: 5, impulsePurchases: 4 }, strict)).toBe(true);
  });

  it('gives style tags for the product tags holding MEMBERSHIP_STYLE_SHARE_PERCENT of at least MEMBERSHIP_STYLE_MIN_WEIGHT weighted engagement, three at most, strongest first', () => {
    const weights = (entries: Record<string, number>) => Object.entries(entries).map(([tag, weight]) => ({ tag, weight }));
    expect(styleTags(weights({ minimalist: 6, office: 3, silk: 1 }), BEHAVIOUR)).toEqual(['style:minimalist', 'style:office']); // 60%, 30%; silk 10%
    expect(styleTags(weights({ minimalist: 6, office: 2 }), BEHAVIOUR)).toEqual([]); // 8 < 10
    expect(styleTags(weights({ office: 5, minimalist: 5 }), BEHAVIOUR)).toEqual(['style:minimalist', 'style:office']); // ties by name
    expect(styleTags(weights({ a: 10, b: 10, c: 10, d: 10 }), { ...BEHAVIOUR, styleSharePercent: 25 })).toEqual(['style:a', 'style:b', 'style:c']);
    expect(styleTags(weights({ a: 29, b: 71 }), BEHAVIOUR)).toEqual(['style:b']);
    expect(styleTags(weights({ a: 30, b: 70 }), BEHAVIOUR)).toEqual(['style:b', 'style:a']);
    expect(styleTags([], { ...BEHAVIOUR, styleMinWeight: 1 })).toEqual([]);
    // A shop that counts from 5 and asks for half.
    expect(styleTags(weights({ vintage: 3, office: 2 }), { ...BEHAVIOUR, styleMinWeight: 5, styleSharePercent: 50 })).toEqual(['style:vintage']);
  });

  it('adds impulse-buyer and style tags to the others', () => {
    const member = {
      recencyDays: 10,
      frequency: 1,
      monetaryFen: 10_000,
      firstOrderDays: 400,
      couponOrders: 0,
      reviewCount: 0,
      dormant: false,
      productViews: 20,
      interactionScore: 0,
      trackedPurchases: 4,
      impulsePurchases: 3,
      styleWeights: [{ tag: 'office', weight: 12 }],
    };
    expect(scoreMember(member, FIXED_CUTOFFS, BEHAVIOUR).tags).toEqual(['impulse-buyer', 'style:office']);
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
      stage: 'retain',
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

  describe('boundaries', () => {
    const facts = (overrides: Partial<Parameters<typeof scoreMember>[0]> = {}) => ({
      recencyDays: 10,
      frequency: 1,
      monetaryFen: 10_000,
      firstOrderDays: 400,
      couponOrders: 0,
      reviewCount: 0,
      dormant: false,
      productViews: 0,
      interactionScore: 0,
      ...NO_SIGNALS,
      ...overrides,
    });

    it('uses quintiles only when there are exactly four, strictly increasing', () => {
      expect(usableCutoffs([1, 2, 3, 4], FIXED_CUTOFFS.frequency)).toEqual([1, 2, 3, 4]);
      for (const degenerate of [undefined, [1, 2, 3], [1, 2, 3, 4, 5], [1, 2, 2, 3], [4, 3, 2, 1], [1, 3, 2, 4]]) {
        expect(usableCutoffs(degenerate, FIXED_CUTOFFS.frequency)).toBe(FIXED_CUTOFFS.frequency);
      }
    });

    it('scores a member with no orders 1 on frequency and monetary, whatever the cut-offs', () => {
      const low = { recency: [1, 2, 3, 4], frequency: [-4, -3, -2, -1], monetary: [-4, -3, -2, -1] };
      expect(scoreMember(facts({ recencyDays: null, frequency: 0, monetaryFen: 0 }), low, BEHAVIOUR)).toMatchObject({ r: 1, f: 1, m: 1 });
      expect(scoreMember(facts({ frequency: 1, monetaryFen: 1 }), low, BEHAVIOUR)).toMatchObject({ f: 5, m: 5 });
    });

    it('tags high value only at the top monetary score, loyal from frequency 4', () => {
      const tagsOf = (overrides: Partial<ReturnType<typeof facts>>) => scoreMember(facts(overrides), FIXED_CUTOFFS, BEHAVIOUR).tags;
      expect(tagsOf({ monetaryFen: 800_001 })).toContain('high-value');
      expect(tagsOf({ monetaryFen: 800_000 })).not.toContain('high-value');
      expect(tagsOf({ frequency: 4 })).toContain('loyal'); // f = 4 (above 3)
      expect(tagsOf({ frequency: 3 })).not.toContain('loyal'); // f = 3
    });

    it('tags at risk when recency has fallen to 2 or below while frequency is 3 or more', () => {
      const tagsOf = (recencyDays: number, frequency: number) => scoreMember(facts({ recencyDays, frequency }), FIXED_CUTOFFS, BEHAVIOUR).tags;
      expect(tagsOf(91, 3)).toContain('at-risk'); // r = 2, f = 3
      expect(tagsOf(90, 3)).not.toContain('at-risk'); // r = 3
      expect(tagsOf(181, 2)).not.toContain('at-risk'); // f = 2
      expect(tagsOf(181, 5)).toContain('at-risk'); // r = 1
    });

    it('tags new within 30 days of the first order, price-sensitive from half the orders with a coupon, reviewer from 3 reviews', () => {
      const tagsOf = (overrides: Partial<ReturnType<typeof facts>>) => scoreMember(facts(overrides), FIXED_CUTOFFS, BEHAVIOUR).tags;
      expect(tagsOf({ firstOrderDays: 30 })).toContain('new');
      expect(tagsOf({ firstOrderDays: 31 })).not.toContain('new');
      expect(tagsOf({ firstOrderDays: null })).not.toContain('new');
      expect(tagsOf({ frequency: 4, couponOrders: 2 })).toContain('price-sensitive');
      expect(tagsOf({ frequency: 4, couponOrders: 1 })).not.toContain('price-sensitive');
      expect(tagsOf({ frequency: 1, couponOrders: 1 })).not.toContain('price-sensitive'); // one order says nothing
      expect(tagsOf({ frequency: 2, couponOrders: 1 })).toContain('price-sensitive');
      expect(tagsOf({ reviewCount: 3 })).toContain('reviewer');
      expect(tagsOf({ reviewCount: 2 })).not.toContain('reviewer');
      expect(tagsOf({ dormant: true })).toContain('dormant');
      expect(tagsOf({})).toEqual([]);
    });

    it('compares each operator exactly, and only values of the right kind', () => {
      const subject = {
        r: 3,
        f: 2,
        m: 4,
        recencyDays: 40,
        frequency: 2,
        monetaryFen: 90_000,
        tier: 'gold',
        communityLevel: 2,
        tags: ['loyal', 'reviewer'],
        interactionScore: 120,
        stage: 'retain',
      };
      const holds = (field: keyof typeof subject, op: '>=' | '<=' | '=' | 'in' | 'contains', value: number | string | Array<string | number>) =>
        matchesRule({ all: [{ field, op, value }] }, subject);
      expect([holds('r', '>=', 3), holds('r', '>=', 4), holds('r', '<=', 3), holds('r', '<=', 2)]).toEqual([true, false, true, false]);
      expect([holds('tier', '>=', 0), holds('tier', '<=', 99)]).toEqual([false, false]); // not a number
      expect([holds('tier', '=', 'gold'), holds('tier', '=', 'silver'), holds('f', '=', 2), holds('f', '=', '2')]).toEqual([true, false, true, false]);
      expect([holds('tier', 'in', ['gold', 'silver']), holds('tier', 'in', ['bronze']), holds('tier', 'in', 'gold')]).toEqual([true, false, false]);
      expect([holds('tags', 'contains', 'loyal'), holds('tags', 'contains', 'new'), holds('tier', 'contains', 'gold')]).toEqual([true, false, false]);
    });

    it('needs every "all" condition and, when there are any, one "any" condition', () => {
      const subject = {
        r: 5,
        f: 1,
        m: 1,
        recencyDays: 1,
        frequency: 1,
        monetaryFen: 1,
        tier: 'bronze',
        communityLevel: 1,
        tags: [],
        interactionScore: 0,
        stage: 'convert',
      };
      const yes = { field: 'r' as const, op: '>=' as const, value: 5 };
      const no = { field: 'f' as const, op: '>=' as const, value: 5 };
      expect(matchesRule({ all: [yes] }, subject)).toBe(true);
      expect(matchesRule({ all: [yes, no] }, subject)).toBe(false);
      expect(matchesRule({ any: [no, yes] }, subject)).toBe(true);
      expect(matchesRule({ any: [no] }, subject)).toBe(false);
      expect(matchesRule({ all: [yes], any: [no] }, subject)).toBe(false);
      expect(matchesRule({}, subject)).toBe(true);
    });

    it('explains what is wrong with a malformed rule', () => {
      expect(ruleProblem(null)).toBe('rule must be an object with "all" and/or "any" lists');
      expect(ruleProblem('r>=3')).toBe('rule must be an object with "all" and/or "any" lists');
      expect(ruleProblem({})).toBe('rule needs at least one condition in "all" or "any"');
      expect(ruleProblem({ all: 'r' })).toBe('rule needs at least one condition in "all" or "any"');
      expect(ruleProblem({ any: [{ field: 'r', op: '>=', value: 1 }], all: {} })).toBe('rule needs at least one condition in "all" or "any"');
      expect(ruleProblem({ any: [null] })).toMatch(/^unknown field "undefined"; fields: r, f, m, /);
      expect(ruleProblem({ all: [{ field: 'age', op: '>=' }] })).toMatch(/^unknown field "age"/);
      expect(ruleProblem({ any: [{ field: 'r', op: '>' }] })).toBe('unknown operator ">"; operators: >=, <=, =, in, contains');
      expect(ruleProblem({ all: [{ field: 'r', op: '>=', value: 3 }], any: [{ field: 'tags', op: 'contains', value: 'new' }] })).toBeUndefined();
    });
  });
});
