import { devWebhookSecret, ROTATED_DOUYIN_SECRET } from './webhooks';

/** The environment of the suite that e2e specs run against: fast clocks and test-only allowances. */
export const SUITE_ENV: Readonly<Record<string, string>> = {
  WEBHOOK_SECRET_DOUYIN: `${devWebhookSecret('douyin')} ${ROTATED_DOUYIN_SECRET}`,
  // Outbound webhooks to a receiver on loopback, on a fast clock.
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
  OUTBOUND_RETRY_SCHEDULE_MS: '200,400,800,1600,3200',
  OUTBOUND_TIMEOUT_MS: '1000',
  OUTBOUND_CIRCUIT_FAILURES: '3',
  OUTBOUND_CIRCUIT_COOLDOWN_MS: '1500',
  OUTBOUND_DISABLE_AFTER_MS: '4000',
  OUTBOUND_COALESCE_MS: '1500',
  OUTBOUND_ROTATION_OVERLAP_MS: '3600000',
  // Hourly and daily checks run every few seconds, so tests can watch them act.
  SCHEDULE_INVENTORY_LATE_DELIVERIES: '*/2 * * * * *',
  SCHEDULE_INVENTORY_STOCK_HEALTH_SCAN: '*/10 * * * * *',
  SCHEDULE_INVENTORY_PAYMENT_WINDOWS: '* * * * * *',
  MEMBERSHIP_RETURN_WINDOW_SECONDS: '1',
  // Half the dormant members are the win-back hold-out, so tests see both arms.
  MEMBERSHIP_WINBACK_HOLDOUT_PERCENT: '50',
  SCHEDULE_MEMBERSHIP_POINTS_MATURITY: '*/2 * * * * *',
  SCHEDULE_MEMBERSHIP_POINTS_EXPIRY: '*/3 * * * * *',
  SCHEDULE_MEMBERSHIP_DORMANCY: '*/3 * * * * *',
  SCHEDULE_MEMBERSHIP_RESCORE_CHANGED: '*/3 * * * * *',
  SCHEDULE_CATALOG_PROMOTION_WINDOWS: '* * * * * *',
  SCHEDULE_CATALOG_PRODUCT_IMPORTS: '*/2 * * * * *',
  // Customer service is open around the clock in tests, and watches its SLAs every 2 seconds.
  CS_BUSINESS_HOURS: 'mon-sun 00:00-24:00',
  SCHEDULE_CUSTOMER_SERVICE_SLA_WATCH: '*/2 * * * * *',
};
