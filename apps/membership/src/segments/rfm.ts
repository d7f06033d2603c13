/** RFM scoring: quintile cut-offs per metric, each member scored 1 (worst) to 5 (best). */
export interface RfmCutoffs {
  /** Days since the last order: fewer is better, so the score is reversed. */
  readonly recency: readonly number[];
  readonly frequency: readonly number[];
  readonly monetary: readonly number[];
}

/** Used where quintiles degenerate (few members, many ties): documented, shop-adjustable. */
export const FIXED_CUTOFFS: RfmCutoffs = {
  recency: [30, 60, 90, 180],
  frequency: [1, 2, 3, 5],
  monetary: [50_000, 100_000, 300_000, 800_000],
};

/** Quintile cut-offs are usable only when strictly increasing; otherwise the fixed ones apply. */
export function usableCutoffs(quintiles: readonly number[] | undefined, fallback: readonly number[]): readonly number[] {
  if (!quintiles || quintiles.length !== 4) return fallback;
  for (let i = 1; i < quintiles.length; i++) if (!(quintiles[i] > quintiles[i - 1])) return fallback;
  return quintiles;
}

/** 1 + the number of cut-offs strictly below the value (higher is better). */
export function scoreAscending(value: number, cutoffs: readonly number[]): number {
  return 1 + cutoffs.filter((c) => value > c).length;
}

/** 5 for the most recent buyers, down to 1. */
export function scoreRecency(days: number | null, cutoffs: readonly number[]): number {
  if (days === null) return 1;
  return 5 - cutoffs.filter((c) => days > c).length;
}

export interface RfmFacts {
  readonly recencyDays: number | null;
  readonly frequency: number;
  readonly monetaryFen: number;
  readonly firstOrderDays: number | null;
  readonly couponOrders: number;
  readonly reviewCount: number;
  readonly dormant: boolean;
  /** Signed-in product views, and reviews and chats (the interaction score). */
  readonly productViews: number;
  readonly interactionScore: number;
  /** Tracked orders of a product the member had viewed, and those placed soon after the first view. */
  readonly trackedPurchases: number;
  readonly impulsePurchases: number;
  /** Engagement weighted per product tag (views, cart additions, orders): where style tags come from. */
  readonly styleWeights: ReadonlyArray<{ readonly tag: string; readonly weight: number }>;
}

/** Behaviour thresholds the shop configures. */
export interface BehaviourThresholds {
  /** Product views from which a member who has not bought in a year is a browser. */
  readonly browserViews: number;
  /** Tracked purchases from which the impulse share is judged, and the share (percent) that makes an impulse buyer. */
  readonly impulseMinPurchases: number;
  readonly impulseSharePercent: number;
  /** Weighted engagement from which styles are judged, and the share (percent) of it a tag needs to be one of the member's styles. */
  readonly styleMinWeight: number;
  readonly styleSharePercent: number;
}

/** A member carries at most this many style tags: the strongest. */
export const MAX_STYLE_TAGS = 3;

/** `style:<tag>` for the tags holding at least the configured share of the member's weighted engagement, strongest first. */
export function styleTags(weights: RfmFacts['styleWeights'], behaviour: Pick<BehaviourThresholds, 'styleMinWeight' | 'styleSharePercent'>): string[] {
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  if (total < behaviour.styleMinWeight) return [];
  return weights
    .filter((w) => w.weight * 100 >= behaviour.styleSharePercent * total)
    .sort((a, b) => b.weight - a.weight || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    .slice(0, MAX_STYLE_TAGS)
    .map((w) => `style:${w.tag}`);
}

/** Most of the member's tracked purchases came soon after they first saw the product. */
export function isImpulseBuyer(
  facts: Pick<RfmFacts, 'trackedPurchases' | 'impulsePurchases'>,
  behaviour: Pick<BehaviourThresholds, 'impulseMinPurchases' | 'impulseSharePercent'>,
): boolean {
  return facts.trackedPurchases >= behaviour.impulseMinPurchases && facts.impulsePurchases * 100 >= behaviour.impulseSharePercent * facts.trackedPurchases;
}

export type LifecycleStage = 'reach' | 'engage' | 'convert' | 'retain';

/** Reach (known, nothing more) → engage (views, reviews or chats) → convert (one paid order in a year) → retain (two or more). */
export function lifecycleStage(facts: Pick<RfmFacts, 'frequency' | 'productViews' | 'interactionScore'>): LifecycleStage {
  if (facts.frequency >= 2) return 'retain';
  if (facts.frequency === 1) return 'convert';
  return facts.productViews > 0 || facts.interactionScore > 0 ? 'engage' : 'reach';
}

export interface RfmScore {
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly tags: string[];
  readonly stage: LifecycleStage;
}

export function scoreMember(facts: RfmFacts, cutoffs: RfmCutoffs, behaviour: BehaviourThresholds): RfmScore {
  const r = scoreRecency(facts.recencyDays, cutoffs.recency);
  const f = facts.frequency === 0 ? 1 : scoreAscending(facts.frequency, cutoffs.frequency);
  const m = facts.monetaryFen === 0 ? 1 : scoreAscending(facts.monetaryFen, cutoffs.monetary);
  const tags: string[] = [];
  if (m === 5) tags.push('high-value');
  if (f >= 4) tags.push('loyal');
  if (r <= 2 && f >= 3) tags.push('at-risk');
  if (facts.firstOrderDays !== null && facts.firstOrderDays <= 30) tags.push('new');
  if (facts.frequency >= 2 && facts.couponOrders / facts.frequency >= 0.5) tags.push('price-sensitive');
  if (facts.reviewCount >= 3) tags.push('reviewer');
  if (facts.dormant) tags.push('dormant');
  if (facts.frequency === 0 && facts.productViews >= behaviour.browserViews) tags.push('browser');
  if (isImpulseBuyer(facts, behaviour)) tags.push('impulse-buyer');
  tags.push(...styleTags(facts.styleWeights, behaviour));
  return { r, f, m, tags, stage: lifecycleStage(facts) };
}

export interface SegmentCondition {
  readonly field: 'r' | 'f' | 'm' | 'recencyDays' | 'frequency' | 'monetaryFen' | 'tier' | 'communityLevel' | 'tags' | 'interactionScore' | 'stage';
  readonly op: '>=' | '<=' | '=' | 'in' | 'contains';
  readonly value: number | string | Array<string | number>;
}

export interface SegmentRule {
  readonly all?: readonly SegmentCondition[];
  readonly any?: readonly SegmentCondition[];
}

export type SegmentSubject = Record<SegmentCondition['field'], number | string | string[] | null>;

function holds(condition: SegmentCondition, subject: SegmentSubject): boolean {
  const actual = subject[condition.field];
  switch (condition.op) {
    case '>=':
      return typeof actual === 'number' && actual >= Number(condition.value);
    case '<=':
      return typeof actual === 'number' && actual <= Number(condition.value);
    case '=':
      return actual === condition.value;
    case 'in':
      return Array.isArray(condition.value) && condition.value.includes(actual as string | number);
    case 'contains':
      return Array.isArray(actual) && actual.includes(String(condition.value));
  }
}

export function matchesRule(rule: SegmentRule, subject: SegmentSubject): boolean {
  const all = rule.all ?? [];
  const any = rule.any ?? [];
  return all.every((c) => holds(c, subject)) && (any.length === 0 || any.some((c) => holds(c, subject)));
}

const FIELDS = new Set(['r', 'f', 'm', 'recencyDays', 'frequency', 'monetaryFen', 'tier', 'communityLevel', 'tags', 'interactionScore', 'stage']);
const OPS = new Set(['>=', '<=', '=', 'in', 'contains']);

/** Why a rule is not well formed, or undefined when it is. */
export function ruleProblem(rule: unknown): string | undefined {
  if (!rule || typeof rule !== 'object') return 'rule must be an object with "all" and/or "any" lists';
  // Untrusted input: every part is unknown until checked.
  const { all = [], any = [] } = rule as { all?: unknown; any?: unknown };
  if (!Array.isArray(all) || !Array.isArray(any) || all.length + any.length === 0) return 'rule needs at least one condition in "all" or "any"';
  for (const condition of [...(all as unknown[]), ...(any as unknown[])]) {
    const { field, op } = (condition ?? {}) as { field?: unknown; op?: unknown };
    if (typeof field !== 'string' || !FIELDS.has(field)) return `unknown field "${String(field)}"; fields: ${[...FIELDS].join(', ')}`;
    if (typeof op !== 'string' || !OPS.has(op)) return `unknown operator "${String(op)}"; operators: ${[...OPS].join(', ')}`;
  }
  return undefined;
}
