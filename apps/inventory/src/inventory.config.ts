import { EnvReader } from '@shopops/platform';

/** Inventory policies; every default is DOMAIN.md's, every one can be changed per shop. */
export interface InventoryConfig {
  /** Unpaid orders give their stock back after this long (default 30 min). */
  readonly paymentWindowMs: number;
  readonly routing: 'nearest' | 'nearest-split';
  /** Concurrent reservations handled in one transaction (1 = a transaction per request). */
  readonly reserveBatchMax: number;
  readonly deliveryPromiseDays: number;
  readonly replenishment: {
    /** Days of forecast demand an order should cover beyond the lead time. */
    readonly coverDays: number;
    readonly overstockCoverDays: number;
    readonly slowMovingNoSaleDays: number;
    readonly slowMovingCoverDays: number;
  };
  /** ABC cut-offs as cumulative shares of stock value (default A 60%, B next 20%). */
  readonly abc: { readonly aShare: number; readonly bShare: number };
  /** A stock level that falls by this share in one change is flagged as an anomaly. */
  readonly suddenDropShare: number;
}

export const INVENTORY_CONFIG = Symbol('INVENTORY_CONFIG');

export function loadInventoryConfig(env: NodeJS.ProcessEnv = process.env): InventoryConfig {
  const read = new EnvReader(env);
  const aShare = read.int('INVENTORY_ABC_A_PERCENT', 60, 1, 98);
  const bShare = read.int('INVENTORY_ABC_B_PERCENT', 20, 1, 98);
  if (aShare + bShare >= 100) read.problems.push('INVENTORY_ABC_A_PERCENT + INVENTORY_ABC_B_PERCENT must stay under 100');
  const config: InventoryConfig = {
    paymentWindowMs: read.int('INVENTORY_PAYMENT_WINDOW_SECONDS', 30 * 60, 1, 7 * 24 * 3600) * 1000,
    routing: read.oneOf('INVENTORY_ROUTING', ['nearest', 'nearest-split'] as const, 'nearest'),
    reserveBatchMax: read.int('INVENTORY_RESERVE_BATCH_MAX', 256, 1, 10_000),
    deliveryPromiseDays: read.int('INVENTORY_DELIVERY_PROMISE_DAYS', 3, 1, 60),
    replenishment: {
      coverDays: read.int('INVENTORY_REPLENISH_COVER_DAYS', 30, 1, 365),
      overstockCoverDays: read.int('INVENTORY_OVERSTOCK_COVER_DAYS', 180, 1, 3650),
      slowMovingNoSaleDays: read.int('INVENTORY_SLOW_NO_SALE_DAYS', 60, 1, 3650),
      slowMovingCoverDays: read.int('INVENTORY_SLOW_COVER_DAYS', 90, 1, 3650),
    },
    abc: { aShare: aShare / 100, bShare: bShare / 100 },
    suddenDropShare: read.int('INVENTORY_SUDDEN_DROP_PERCENT', 50, 1, 100) / 100,
  };
  read.assertValid('inventory');
  return config;
}
