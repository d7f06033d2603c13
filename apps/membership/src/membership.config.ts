import {
  configSection,
  EnvironmentVariable,
  IntegerVariable,
  OneOfVariable,
  PII_VAULT_SECTION,
  readEnvironment,
  TextVariable,
  validConfig,
  type Environment,
} from '@shopops/platform';
import { expiryPolicyFrom, POINTS_EXPIRY, type PointsExpiryPolicy } from './points/points-expiry.policy';

export type ClawbackPolicy = 'allow-negative' | 'clamp-and-record-debt';

/** Membership policies; DOMAIN.md's defaults, each changeable per shop. */
export interface MembershipConfig {
  /** Points per yuan paid, by tier code; tiers not listed earn the base rate. */
  readonly earnRates: Readonly<Record<string, number>>;
  readonly baseEarnRate: number;
  readonly birthdayMultiplier: number;
  /** Paid points stay pending until this long after the order completes (return window). */
  readonly returnWindowSeconds: number;
  /** Pending points of an order that never reports completion mature this long after payment. */
  readonly pendingFallbackDays: number;
  readonly clawbackPolicy: ClawbackPolicy;
  /** Bonus points, once, for a member who has written more than `reviewBonusAfter` reviews. */
  readonly reviewBonusPoints: number;
  readonly reviewBonusAfter: number;
  /** Interaction score per review and per chat. */
  readonly interactionScore: { readonly review: number; readonly chat: number };
  /** Interaction scores from which a member is a core user, then a co-creator (community levels). */
  readonly communityLevels: { readonly coreUser: number; readonly coCreator: number };
  readonly dormantAfterDays: number;
  readonly winBackCouponTemplate: string;
  /** Share of newly dormant members who get no win-back coupon: the hold-out the coupon is measured against. */
  readonly winBackHoldoutPercent: number;
  readonly repurchaseReminderDays: number;
  /** A cart left this long without an order gets one reminder (carts older than a week are let go). */
  readonly abandonedCartHours: number;
  /** Product views from which a member who has not bought in a year is tagged a browser. */
  readonly browserViews: number;
  /** An order within this many minutes of the member's first view of the product is an impulse purchase. */
  readonly impulseMinutes: number;
  readonly impulseMinPurchases: number;
  readonly impulseSharePercent: number;
  readonly styleMinWeight: number;
  readonly styleSharePercent: number;
  readonly expiryNoticeDays: number;
  /** Downgrades wait for the review date and this grace period after it. */
  readonly downgradeGraceDays: number;
  /** Roles that see phone, address and birthday unmasked (every such read is audited). */
  readonly piiRoles: readonly string[];
}

export const MEMBERSHIP_CONFIG = Symbol('MEMBERSHIP_CONFIG');

const ratesOf = (text: string): string[][] =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => part.split(':'));
const validRate = ([tier, rate]: string[]): boolean => Boolean(tier) && Number.isFinite(Number(rate)) && Number(rate) >= 0;

/** `bronze:1 silver:1.2 gold:1.5` (spaces or commas between tiers). */
function parseRates(text: string): Record<string, number> {
  return Object.fromEntries(ratesOf(text).map(([tier, rate]) => [tier, Number(rate)]));
}

class MembershipEnvironment {
  @EnvironmentVariable((raw, _env, name) => {
    const wrong = ratesOf(raw ?? '')
      .filter((rate) => !validRate(rate))
      .map((rate) => `"${rate.join(':')}"`);
    return wrong.length === 0 ? undefined : `${name}: ${wrong.join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not tier:rate`;
  }, parseRates)
  MEMBERSHIP_EARN_RATES: Record<string, number> = parseRates('bronze:1 silver:1.2 gold:1.5');
  @IntegerVariable(1, 10) MEMBERSHIP_BIRTHDAY_MULTIPLIER = 2;
  @IntegerVariable(0, 90 * 86_400) MEMBERSHIP_RETURN_WINDOW_SECONDS = 7 * 86_400;
  @IntegerVariable(1, 365) MEMBERSHIP_PENDING_FALLBACK_DAYS = 30;
  @OneOfVariable(['allow-negative', 'clamp-and-record-debt']) MEMBERSHIP_CLAWBACK_POLICY: ClawbackPolicy = 'clamp-and-record-debt';
  @IntegerVariable(0, 1_000_000) MEMBERSHIP_REVIEW_BONUS_POINTS = 200;
  @IntegerVariable(0, 1000) MEMBERSHIP_REVIEW_BONUS_AFTER = 5;
  @IntegerVariable(0, 10_000) MEMBERSHIP_SCORE_PER_REVIEW = 20;
  @IntegerVariable(0, 10_000) MEMBERSHIP_SCORE_PER_CHAT = 2;
  @IntegerVariable(1, 1_000_000) MEMBERSHIP_COMMUNITY_CORE_SCORE = 100;
  @IntegerVariable(1, 1_000_000) MEMBERSHIP_COMMUNITY_CO_CREATOR_SCORE = 500;
  @IntegerVariable(1, 3650) MEMBERSHIP_DORMANT_AFTER_DAYS = 90;
  @TextVariable() MEMBERSHIP_WINBACK_TEMPLATE = 'WINBACK-50';
  @IntegerVariable(0, 50) MEMBERSHIP_WINBACK_HOLDOUT_PERCENT = 10;
  @IntegerVariable(1, 3650) MEMBERSHIP_REPURCHASE_REMINDER_DAYS = 60;
  @IntegerVariable(1, 167) MEMBERSHIP_ABANDONED_CART_HOURS = 24;
  @IntegerVariable(1, 100_000) MEMBERSHIP_BROWSER_VIEWS = 10;
  @IntegerVariable(1, 10_080) MEMBERSHIP_IMPULSE_MINUTES = 15;
  @IntegerVariable(1, 10_000) MEMBERSHIP_IMPULSE_MIN_PURCHASES = 3;
  @IntegerVariable(1, 100) MEMBERSHIP_IMPULSE_SHARE_PERCENT = 50;
  @IntegerVariable(1, 1_000_000) MEMBERSHIP_STYLE_MIN_WEIGHT = 10;
  @IntegerVariable(1, 100) MEMBERSHIP_STYLE_SHARE_PERCENT = 30;
  @IntegerVariable(1, 365) MEMBERSHIP_EXPIRY_NOTICE_DAYS = 30;
  @IntegerVariable(0, 365) MEMBERSHIP_DOWNGRADE_GRACE_DAYS = 30;
  @TextVariable() MEMBERSHIP_PII_ROLES = 'admin,cs_agent';
}

export function loadMembershipConfig(env: Environment): MembershipConfig {
  const { values: v, problems } = readEnvironment(MembershipEnvironment, env);
  const config: MembershipConfig = {
    earnRates: v.MEMBERSHIP_EARN_RATES,
    baseEarnRate: 1,
    birthdayMultiplier: v.MEMBERSHIP_BIRTHDAY_MULTIPLIER,
    returnWindowSeconds: v.MEMBERSHIP_RETURN_WINDOW_SECONDS,
    pendingFallbackDays: v.MEMBERSHIP_PENDING_FALLBACK_DAYS,
    clawbackPolicy: v.MEMBERSHIP_CLAWBACK_POLICY,
    reviewBonusPoints: v.MEMBERSHIP_REVIEW_BONUS_POINTS,
    reviewBonusAfter: v.MEMBERSHIP_REVIEW_BONUS_AFTER,
    interactionScore: { review: v.MEMBERSHIP_SCORE_PER_REVIEW, chat: v.MEMBERSHIP_SCORE_PER_CHAT },
    communityLevels: { coreUser: v.MEMBERSHIP_COMMUNITY_CORE_SCORE, coCreator: v.MEMBERSHIP_COMMUNITY_CO_CREATOR_SCORE },
    dormantAfterDays: v.MEMBERSHIP_DORMANT_AFTER_DAYS,
    winBackCouponTemplate: v.MEMBERSHIP_WINBACK_TEMPLATE,
    winBackHoldoutPercent: v.MEMBERSHIP_WINBACK_HOLDOUT_PERCENT,
    repurchaseReminderDays: v.MEMBERSHIP_REPURCHASE_REMINDER_DAYS,
    abandonedCartHours: v.MEMBERSHIP_ABANDONED_CART_HOURS,
    browserViews: v.MEMBERSHIP_BROWSER_VIEWS,
    impulseMinutes: v.MEMBERSHIP_IMPULSE_MINUTES,
    impulseMinPurchases: v.MEMBERSHIP_IMPULSE_MIN_PURCHASES,
    impulseSharePercent: v.MEMBERSHIP_IMPULSE_SHARE_PERCENT,
    styleMinWeight: v.MEMBERSHIP_STYLE_MIN_WEIGHT,
    styleSharePercent: v.MEMBERSHIP_STYLE_SHARE_PERCENT,
    expiryNoticeDays: v.MEMBERSHIP_EXPIRY_NOTICE_DAYS,
    downgradeGraceDays: v.MEMBERSHIP_DOWNGRADE_GRACE_DAYS,
    piiRoles: v.MEMBERSHIP_PII_ROLES.split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  };
  if (config.communityLevels.coCreator <= config.communityLevels.coreUser) {
    problems.push(
      `MEMBERSHIP_COMMUNITY_CO_CREATOR_SCORE=${config.communityLevels.coCreator} must be above MEMBERSHIP_COMMUNITY_CORE_SCORE=${config.communityLevels.coreUser}`,
    );
  }
  return validConfig('membership', config, problems);
}

class PointsExpiryEnvironment {
  @TextVariable(/^(end-of-next-year|months:\d{1,3})$/, 'end-of-next-year or months:<n>') MEMBERSHIP_POINTS_EXPIRY = 'end-of-next-year';
}

/** The points expiry strategy the shop chose (MEMBERSHIP_POINTS_EXPIRY). */
export function loadPointsExpiry(env: Environment): PointsExpiryPolicy {
  const { values, problems } = readEnvironment(PointsExpiryEnvironment, env);
  return validConfig('membership', expiryPolicyFrom(problems.length > 0 ? undefined : values.MEMBERSHIP_POINTS_EXPIRY), problems);
}

export const MEMBERSHIP_CONFIG_SECTIONS = [
  configSection('membership', MEMBERSHIP_CONFIG, loadMembershipConfig),
  configSection('pointsExpiry', POINTS_EXPIRY, loadPointsExpiry),
  PII_VAULT_SECTION,
];
