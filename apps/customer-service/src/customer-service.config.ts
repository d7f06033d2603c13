import { configSection, IntegerVariable, parseFestivals, readEnvironment, TextVariable, validConfig, type Environment, type Festival } from '@shopops/platform';
import { parseCalendar, type BusinessCalendar } from './calendar/business-calendar';

export type Priority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';

/** Customer-service policies; every default is DOMAIN.md's, every one can be changed per shop. */
export interface CustomerServiceConfig {
  readonly calendar: BusinessCalendar;
  /** First response target in business minutes, per priority; top tiers get `topTierFirstResponseMinutes`. */
  readonly firstResponseMinutes: Readonly<Record<Priority, number>>;
  readonly topTierFirstResponseMinutes: number;
  readonly nextResponseMinutes: number;
  /** Business minutes to resolve a pre-sales conversation. */
  readonly resolutionMinutes: number;
  /** After-sales conversations and cases: wall-clock hours (platform rules count natural time). */
  readonly afterSalesHours: number;
  /** A warning goes out when `warnAtShare` of a target has passed; breaches escalate a level per further target length overdue, up to `maxEscalationLevel`. */
  readonly sla: { readonly warnAtShare: number; readonly maxEscalationLevel: number };
  readonly topTiers: readonly string[];
  readonly fastTrack: { readonly tiers: readonly string[]; readonly maxFen: number };
  readonly dispute: { readonly expertAboveFen: number; readonly advanceCompensationMaxFen: number };
  readonly reviewSpike: { readonly threshold: number; readonly windowHours: number; readonly contactWithinHours: number };
  readonly quality: { readonly threshold: number; readonly windowDays: number };
  readonly autoAnswer: { readonly minScore: number; readonly minMargin: number };
  /** Monthly staff scorecards (绩效考核): targets, and the festival windows assessed apart (month-day, local). */
  readonly scorecard: {
    readonly responseMinutes: number;
    readonly resolutionRate: number;
    readonly csat: number;
    readonly festivals: readonly Festival[];
  };
}

export const CUSTOMER_SERVICE_CONFIG = Symbol('CUSTOMER_SERVICE_CONFIG');

const list = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

class CustomerServiceEnvironment {
  @TextVariable() CS_BUSINESS_HOURS = 'mon-sun 09:00-12:00 13:00-23:00';
  @TextVariable() CS_HOLIDAYS = '';
  @TextVariable() CS_MAKEUP_WORKDAYS = '';
  @TextVariable() CS_UTC_OFFSET = '+08:00';
  @IntegerVariable(1, 10_000) CS_FIRST_RESPONSE_URGENT_MINUTES = 1;
  @IntegerVariable(1, 10_000) CS_FIRST_RESPONSE_HIGH_MINUTES = 2;
  @IntegerVariable(1, 10_000) CS_FIRST_RESPONSE_MINUTES = 3;
  @IntegerVariable(1, 10_000) CS_FIRST_RESPONSE_LOW_MINUTES = 10;
  @IntegerVariable(1, 10_000) CS_TOP_TIER_FIRST_RESPONSE_MINUTES = 1;
  @IntegerVariable(1, 10_000) CS_NEXT_RESPONSE_MINUTES = 5;
  @IntegerVariable(1, 100_000) CS_RESOLUTION_MINUTES = 24 * 60;
  @IntegerVariable(1, 24 * 30) CS_AFTER_SALES_HOURS = 48;
  @IntegerVariable(1, 99) CS_SLA_WARN_PERCENT = 80;
  @IntegerVariable(1, 10) CS_SLA_MAX_ESCALATION_LEVEL = 3;
  @TextVariable() CS_TOP_TIERS = 'gold';
  @TextVariable() CS_FAST_TRACK_TIERS = 'silver,gold';
  @IntegerVariable(0, 100_000_000) CS_FAST_TRACK_MAX_FEN = 20_000;
  @IntegerVariable(0, 100_000_000) CS_DISPUTE_EXPERT_ABOVE_FEN = 100_000;
  @IntegerVariable(0, 100_000_000) CS_ADVANCE_COMPENSATION_MAX_FEN = 50_000;
  @IntegerVariable(1, 10_000) CS_REVIEW_SPIKE_THRESHOLD = 5;
  @IntegerVariable(1, 24 * 30) CS_REVIEW_SPIKE_WINDOW_HOURS = 24;
  @IntegerVariable(1, 24 * 30) CS_REVIEW_CONTACT_HOURS = 24;
  @IntegerVariable(1, 10_000) CS_QUALITY_ISSUE_THRESHOLD = 3;
  @IntegerVariable(1, 365) CS_QUALITY_WINDOW_DAYS = 30;
  @IntegerVariable(1, 100) CS_AUTO_ANSWER_MIN_SCORE_PERCENT = 30;
  @IntegerVariable(0, 100) CS_AUTO_ANSWER_MIN_MARGIN_PERCENT = 4;
  @IntegerVariable(1, 10_000) CS_SCORECARD_RESPONSE_MINUTES = 3;
  @IntegerVariable(1, 100) CS_SCORECARD_RESOLUTION_PERCENT = 90;
  @IntegerVariable(10, 50) CS_SCORECARD_CSAT_TENTHS = 45;
  @TextVariable() CS_SCORECARD_FESTIVALS = '618:06-01/06-18; 双11:10-20/11-11';
}

function calendarOf(values: CustomerServiceEnvironment, problems: string[]): BusinessCalendar | undefined {
  try {
    return parseCalendar(values.CS_BUSINESS_HOURS, values.CS_HOLIDAYS, values.CS_MAKEUP_WORKDAYS, values.CS_UTC_OFFSET);
  } catch (error) {
    problems.push(`CS business calendar: ${(error as Error).message}`);
    return undefined;
  }
}

export function loadCustomerServiceConfig(env: Environment): CustomerServiceConfig {
  const { values: v, problems } = readEnvironment(CustomerServiceEnvironment, env);
  const config: CustomerServiceConfig = {
    calendar: calendarOf(v, problems) as BusinessCalendar,
    firstResponseMinutes: {
      URGENT: v.CS_FIRST_RESPONSE_URGENT_MINUTES,
      HIGH: v.CS_FIRST_RESPONSE_HIGH_MINUTES,
      NORMAL: v.CS_FIRST_RESPONSE_MINUTES,
      LOW: v.CS_FIRST_RESPONSE_LOW_MINUTES,
    },
    topTierFirstResponseMinutes: v.CS_TOP_TIER_FIRST_RESPONSE_MINUTES,
    nextResponseMinutes: v.CS_NEXT_RESPONSE_MINUTES,
    resolutionMinutes: v.CS_RESOLUTION_MINUTES,
    afterSalesHours: v.CS_AFTER_SALES_HOURS,
    sla: { warnAtShare: v.CS_SLA_WARN_PERCENT / 100, maxEscalationLevel: v.CS_SLA_MAX_ESCALATION_LEVEL },
    topTiers: list(v.CS_TOP_TIERS),
    fastTrack: { tiers: list(v.CS_FAST_TRACK_TIERS), maxFen: v.CS_FAST_TRACK_MAX_FEN },
    dispute: { expertAboveFen: v.CS_DISPUTE_EXPERT_ABOVE_FEN, advanceCompensationMaxFen: v.CS_ADVANCE_COMPENSATION_MAX_FEN },
    reviewSpike: { threshold: v.CS_REVIEW_SPIKE_THRESHOLD, windowHours: v.CS_REVIEW_SPIKE_WINDOW_HOURS, contactWithinHours: v.CS_REVIEW_CONTACT_HOURS },
    quality: { threshold: v.CS_QUALITY_ISSUE_THRESHOLD, windowDays: v.CS_QUALITY_WINDOW_DAYS },
    autoAnswer: { minScore: v.CS_AUTO_ANSWER_MIN_SCORE_PERCENT / 100, minMargin: v.CS_AUTO_ANSWER_MIN_MARGIN_PERCENT / 100 },
    scorecard: {
      responseMinutes: v.CS_SCORECARD_RESPONSE_MINUTES,
      resolutionRate: v.CS_SCORECARD_RESOLUTION_PERCENT / 100,
      csat: v.CS_SCORECARD_CSAT_TENTHS / 10,
      festivals: parseFestivals(v.CS_SCORECARD_FESTIVALS, 'CS_SCORECARD_FESTIVALS', problems),
    },
  };
  return validConfig('customer-service', config, problems);
}

export const CUSTOMER_SERVICE_CONFIG_SECTIONS = [configSection('customerService', CUSTOMER_SERVICE_CONFIG, loadCustomerServiceConfig)];
