import { ChannelEvents1732406400000 } from './1732406400000-channel-events';
import { AnalyticsStore1733200000000 } from './1733200000000-analytics-store';
import { Insights1733300000000 } from './1733300000000-insights';
import { ChannelEventPrivacy1733700000000 } from './1733700000000-channel-event-privacy';
import { ChannelEventPerDelivery1796170100000 } from './1796170100000-channel-event-per-delivery';
import { FunnelIndex1796170200000 } from './1796170200000-funnel-index';
import { DsrAndMemberTiers1796170300000 } from './1796170300000-dsr-and-member-tiers';
import { BudgetPlans1796170400000 } from './1796170400000-budget-plans';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const ANALYTICS_MIGRATIONS = [
  ChannelEvents1732406400000,
  AnalyticsStore1733200000000,
  Insights1733300000000,
  ChannelEventPrivacy1733700000000,
  ChannelEventPerDelivery1796170100000,
  FunnelIndex1796170200000,
  DsrAndMemberTiers1796170300000,
  BudgetPlans1796170400000,
];
