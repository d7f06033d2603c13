import { Global, Module } from '@nestjs/common';
import { EnvReader } from '@shopops/platform';
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
  /** A warning goes out when this share of a target has passed. */
  readonly warnAtShare: number;
  readonly topTiers: readonly string[];
  readonly fastTrack: { readonly tiers: readonly string[]; readonly maxFen: number };
  readonly dispute: { readonly expertAboveFen: number; readonly advanceCompensationMaxFen: number };
  readonly reviewSpike: { readonly threshold: number; readonly windowHours: number; readonly contactWithinHours: number };
  readonly quality: { readonly threshold: number; readonly windowDays: number };
  readonly autoAnswer: { readonly minScore: number; readonly minMargin: number };
}

export const CUSTOMER_SERVICE_CONFIG = Symbol('CUSTOMER_SERVICE_CONFIG');

const list = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

export function loadCustomerServiceConfig(env: NodeJS.ProcessEnv = process.env): CustomerServiceConfig {
  const read = new EnvReader(env);
  let calendar: BusinessCalendar | undefined;
  try {
    calendar = parseCalendar(
      read.string('CS_BUSINESS_HOURS', 'mon-sun 09:00-12:00 13:00-23:00'),
      read.string('CS_HOLIDAYS', ''),
      read.string('CS_MAKEUP_WORKDAYS', ''),
      read.string('CS_UTC_OFFSET', '+08:00'),
    );
  } catch (error) {
    read.problems.push(`CS business calendar: ${(error as Error).message}`);
  }
  const config: CustomerServiceConfig = {
    calendar: calendar!,
    firstResponseMinutes: {
      URGENT: read.int('CS_FIRST_RESPONSE_URGENT_MINUTES', 1, 1, 10_000),
      HIGH: read.int('CS_FIRST_RESPONSE_HIGH_MINUTES', 2, 1, 10_000),
      NORMAL: read.int('CS_FIRST_RESPONSE_MINUTES', 3, 1, 10_000),
      LOW: read.int('CS_FIRST_RESPONSE_LOW_MINUTES', 10, 1, 10_000),
    },
    topTierFirstResponseMinutes: read.int('CS_TOP_TIER_FIRST_RESPONSE_MINUTES', 1, 1, 10_000),
    nextResponseMinutes: read.int('CS_NEXT_RESPONSE_MINUTES', 5, 1, 10_000),
    resolutionMinutes: read.int('CS_RESOLUTION_MINUTES', 24 * 60, 1, 100_000),
    afterSalesHours: read.int('CS_AFTER_SALES_HOURS', 48, 1, 24 * 30),
    warnAtShare: read.int('CS_SLA_WARN_PERCENT', 80, 1, 99) / 100,
    topTiers: list(read.string('CS_TOP_TIERS', 'gold')),
    fastTrack: { tiers: list(read.string('CS_FAST_TRACK_TIERS', 'silver,gold')), maxFen: read.int('CS_FAST_TRACK_MAX_FEN', 20_000, 0, 100_000_000) },
    dispute: {
      expertAboveFen: read.int('CS_DISPUTE_EXPERT_ABOVE_FEN', 100_000, 0, 100_000_000),
      advanceCompensationMaxFen: read.int('CS_ADVANCE_COMPENSATION_MAX_FEN', 50_000, 0, 100_000_000),
    },
    reviewSpike: {
      threshold: read.int('CS_REVIEW_SPIKE_THRESHOLD', 5, 1, 10_000),
      windowHours: read.int('CS_REVIEW_SPIKE_WINDOW_HOURS', 24, 1, 24 * 30),
      contactWithinHours: read.int('CS_REVIEW_CONTACT_HOURS', 24, 1, 24 * 30),
    },
    quality: { threshold: read.int('CS_QUALITY_ISSUE_THRESHOLD', 3, 1, 10_000), windowDays: read.int('CS_QUALITY_WINDOW_DAYS', 30, 1, 365) },
    autoAnswer: { minScore: read.int('CS_AUTO_ANSWER_MIN_SCORE_PERCENT', 30, 1, 100) / 100, minMargin: read.int('CS_AUTO_ANSWER_MIN_MARGIN_PERCENT', 4, 0, 100) / 100 },
  };
  read.assertValid('customer-service');
  return config;
}

@Global()
@Module({ providers: [{ provide: CUSTOMER_SERVICE_CONFIG, useFactory: () => loadCustomerServiceConfig() }], exports: [CUSTOMER_SERVICE_CONFIG] })
export class CustomerServiceConfigModule {}
