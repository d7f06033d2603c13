import {
  configSection,
  IntegerVariable,
  parseFestivals,
  PII_VAULT_SECTION,
  readEnvironment,
  TextVariable,
  validConfig,
  type Environment,
  type Festival,
} from '@shopops/platform';

/** Analytics policies; every default is DOMAIN.md's, every one can be changed per shop. */
export interface AnalyticsConfig {
  /** Gross margin used for ROI and projected lifetime value. */
  readonly marginPercent: number;
  /** Years a customer is expected to stay, for projected lifetime value. */
  readonly customerLifespanYears: number;
  /** Paid traffic above this share of visitors raises an alert. */
  readonly paidShareLimitPercent: number;
  /** A metric further than this many standard deviations from its baseline is an anomaly… */
  readonly anomalySigmas: number;
  /** …if the hour had at least this much volume (or the baseline did). */
  readonly anomalyMinVolume: number;
  /** Weeks of the same weekday and hour that make the baseline. */
  readonly baselineWeeks: number;
  /** The tier of members membership has not announced a tier change for: its scheme's entry tier. */
  readonly entryTier: string;
  /** A budget line whose ROI falls under this (percent; 0 = spend no longer pays for itself) is flagged. */
  readonly budgetMinRoiPercent: number;
  /** Operators' monthly scorecards: the GMV attainment of their campaigns' targets that meets the mark, and the festivals assessed apart. */
  readonly scorecard: { readonly gmvAttainmentPercent: number; readonly festivals: readonly Festival[] };
}

export const ANALYTICS_CONFIG = Symbol('ANALYTICS_CONFIG');

class AnalyticsEnvironment {
  @IntegerVariable(1, 100) ANALYTICS_MARGIN_PERCENT = 40;
  @IntegerVariable(1, 30) ANALYTICS_CUSTOMER_LIFESPAN_YEARS = 3;
  @IntegerVariable(1, 100) ANALYTICS_PAID_SHARE_LIMIT_PERCENT = 30;
  @IntegerVariable(1, 10) ANALYTICS_ANOMALY_SIGMAS = 3;
  @IntegerVariable(0, 1_000_000) ANALYTICS_ANOMALY_MIN_VOLUME = 20;
  @IntegerVariable(1, 52) ANALYTICS_BASELINE_WEEKS = 4;
  @TextVariable(/^[a-z0-9-]{1,32}$/, 'a tier code') ANALYTICS_ENTRY_TIER = 'bronze';
  @IntegerVariable(-100, 10_000) ANALYTICS_BUDGET_MIN_ROI_PERCENT = 0;
  @IntegerVariable(1, 1_000) ANALYTICS_SCORECARD_GMV_ATTAINMENT_PERCENT = 100;
  @TextVariable() ANALYTICS_SCORECARD_FESTIVALS = '618:06-01/06-18; 双11:10-20/11-11';
}

export function loadAnalyticsConfig(env: Environment): AnalyticsConfig {
  const { values, problems } = readEnvironment(AnalyticsEnvironment, env);
  const config: AnalyticsConfig = {
    marginPercent: values.ANALYTICS_MARGIN_PERCENT,
    customerLifespanYears: values.ANALYTICS_CUSTOMER_LIFESPAN_YEARS,
    paidShareLimitPercent: values.ANALYTICS_PAID_SHARE_LIMIT_PERCENT,
    anomalySigmas: values.ANALYTICS_ANOMALY_SIGMAS,
    anomalyMinVolume: values.ANALYTICS_ANOMALY_MIN_VOLUME,
    baselineWeeks: values.ANALYTICS_BASELINE_WEEKS,
    entryTier: values.ANALYTICS_ENTRY_TIER,
    budgetMinRoiPercent: values.ANALYTICS_BUDGET_MIN_ROI_PERCENT,
    scorecard: {
      gmvAttainmentPercent: values.ANALYTICS_SCORECARD_GMV_ATTAINMENT_PERCENT,
      festivals: parseFestivals(values.ANALYTICS_SCORECARD_FESTIVALS, 'ANALYTICS_SCORECARD_FESTIVALS', problems),
    },
  };
  return validConfig('analytics', config, problems);
}

/** Analytics erases members' sealed PII, so it holds the same vault as the gateway and membership. */
export const ANALYTICS_CONFIG_SECTIONS = [configSection('analytics', ANALYTICS_CONFIG, loadAnalyticsConfig), PII_VAULT_SECTION];
