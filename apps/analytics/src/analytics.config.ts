import { Global, Module } from '@nestjs/common';
import { EnvReader } from '@shopops/platform';

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
}

export const ANALYTICS_CONFIG = Symbol('ANALYTICS_CONFIG');

export function loadAnalyticsConfig(env: NodeJS.ProcessEnv = process.env): AnalyticsConfig {
  const read = new EnvReader(env);
  const config: AnalyticsConfig = {
    marginPercent: read.int('ANALYTICS_MARGIN_PERCENT', 40, 1, 100),
    customerLifespanYears: read.int('ANALYTICS_CUSTOMER_LIFESPAN_YEARS', 3, 1, 30),
    paidShareLimitPercent: read.int('ANALYTICS_PAID_SHARE_LIMIT_PERCENT', 30, 1, 100),
    anomalySigmas: read.int('ANALYTICS_ANOMALY_SIGMAS', 3, 1, 10),
    anomalyMinVolume: read.int('ANALYTICS_ANOMALY_MIN_VOLUME', 20, 0, 1_000_000),
    baselineWeeks: read.int('ANALYTICS_BASELINE_WEEKS', 4, 1, 52),
  };
  read.assertValid('analytics');
  return config;
}

@Global()
@Module({ providers: [{ provide: ANALYTICS_CONFIG, useFactory: () => loadAnalyticsConfig() }], exports: [ANALYTICS_CONFIG] })
export class AnalyticsConfigModule {}
