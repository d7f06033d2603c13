import { EnvReader } from '@shopops/platform';

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
  readonly dormantAfterDays: number;
  readonly winBackCouponTemplate: string;
  /** Share of newly dormant members who get no win-back coupon: the hold-out the coupon is measured against. */
  readonly winBackHoldoutPercent: number;
  readonly repurchaseReminderDays: number;
  readonly expiryNoticeDays: number;
  /** Downgrades wait for the review date and this grace period after it. */
  readonly downgradeGraceDays: number;
  /** Roles that see phone, address and birthday unmasked (every such read is audited). */
  readonly piiRoles: readonly string[];
}

export const MEMBERSHIP_CONFIG = Symbol('MEMBERSHIP_CONFIG');

function parseRates(text: string, read: EnvReader): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const [tier, rate] = part.split(':');
    const value = Number(rate);
    if (!tier || !Number.isFinite(value) || value < 0) read.problems.push(`MEMBERSHIP_EARN_RATES: "${part}" is not tier:rate`);
    else rates[tier] = value;
  }
  return rates;
}

export function loadMembershipConfig(env: NodeJS.ProcessEnv = process.env): MembershipConfig {
  const read = new EnvReader(env);
  const config: MembershipConfig = {
    earnRates: parseRates(read.string('MEMBERSHIP_EARN_RATES', 'bronze:1 silver:1.2 gold:1.5'), read),
    baseEarnRate: 1,
    birthdayMultiplier: read.int('MEMBERSHIP_BIRTHDAY_MULTIPLIER', 2, 1, 10),
    returnWindowSeconds: read.int('MEMBERSHIP_RETURN_WINDOW_SECONDS', 7 * 86_400, 0, 90 * 86_400),
    pendingFallbackDays: read.int('MEMBERSHIP_PENDING_FALLBACK_DAYS', 30, 1, 365),
    clawbackPolicy: read.oneOf('MEMBERSHIP_CLAWBACK_POLICY', ['allow-negative', 'clamp-and-record-debt'] as const, 'clamp-and-record-debt'),
    reviewBonusPoints: read.int('MEMBERSHIP_REVIEW_BONUS_POINTS', 200, 0, 1_000_000),
    reviewBonusAfter: read.int('MEMBERSHIP_REVIEW_BONUS_AFTER', 5, 0, 1000),
    interactionScore: { review: read.int('MEMBERSHIP_SCORE_PER_REVIEW', 20, 0, 10_000), chat: read.int('MEMBERSHIP_SCORE_PER_CHAT', 2, 0, 10_000) },
    dormantAfterDays: read.int('MEMBERSHIP_DORMANT_AFTER_DAYS', 90, 1, 3650),
    winBackCouponTemplate: read.string('MEMBERSHIP_WINBACK_TEMPLATE', 'WINBACK-50'),
    winBackHoldoutPercent: read.int('MEMBERSHIP_WINBACK_HOLDOUT_PERCENT', 10, 0, 50),
    repurchaseReminderDays: read.int('MEMBERSHIP_REPURCHASE_REMINDER_DAYS', 60, 1, 3650),
    expiryNoticeDays: read.int('MEMBERSHIP_EXPIRY_NOTICE_DAYS', 30, 1, 365),
    downgradeGraceDays: read.int('MEMBERSHIP_DOWNGRADE_GRACE_DAYS', 30, 0, 365),
    piiRoles: read.string('MEMBERSHIP_PII_ROLES', 'admin,cs_agent').split(',').map((r) => r.trim()).filter(Boolean),
  };
  read.assertValid('membership');
  return config;
}
