import { configSection, IntegerVariable, OneOfVariable, readEnvironment, validConfig, type Environment } from '@shopops/platform';

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
  /** Without a supplier cost, stock is valued at this share of list price (margin near 40%). */
  readonly defaultCostShare: number;
  /**
   * A channel's quantity for a SKU is published at most once per this window: the first change at
   * once, later ones inside the window as one event with the latest quantity at its end (0 = every change).
   */
  readonly channelStockCoalesceMs: number;
}

export const INVENTORY_CONFIG = Symbol('INVENTORY_CONFIG');

class InventoryEnvironment {
  @IntegerVariable(1, 98) INVENTORY_ABC_A_PERCENT = 60;
  @IntegerVariable(1, 98) INVENTORY_ABC_B_PERCENT = 20;
  @IntegerVariable(1, 7 * 24 * 3600) INVENTORY_PAYMENT_WINDOW_SECONDS = 30 * 60;
  @OneOfVariable(['nearest', 'nearest-split']) INVENTORY_ROUTING: 'nearest' | 'nearest-split' = 'nearest';
  @IntegerVariable(1, 10_000) INVENTORY_RESERVE_BATCH_MAX = 256;
  @IntegerVariable(1, 60) INVENTORY_DELIVERY_PROMISE_DAYS = 3;
  @IntegerVariable(1, 365) INVENTORY_REPLENISH_COVER_DAYS = 30;
  @IntegerVariable(1, 3650) INVENTORY_OVERSTOCK_COVER_DAYS = 180;
  @IntegerVariable(1, 3650) INVENTORY_SLOW_NO_SALE_DAYS = 60;
  @IntegerVariable(1, 3650) INVENTORY_SLOW_COVER_DAYS = 90;
  @IntegerVariable(1, 100) INVENTORY_SUDDEN_DROP_PERCENT = 50;
  @IntegerVariable(1, 100) INVENTORY_DEFAULT_COST_PERCENT = 60;
  @IntegerVariable(0, 60_000) INVENTORY_CHANNEL_STOCK_COALESCE_MS = 1000;
}

export function loadInventoryConfig(env: Environment): InventoryConfig {
  const { values, problems } = readEnvironment(InventoryEnvironment, env);
  const abcValid = !problems.some((problem) => problem.startsWith('INVENTORY_ABC_'));
  if (abcValid && values.INVENTORY_ABC_A_PERCENT + values.INVENTORY_ABC_B_PERCENT >= 100) {
    problems.push('INVENTORY_ABC_A_PERCENT + INVENTORY_ABC_B_PERCENT must stay under 100');
  }
  const config: InventoryConfig = {
    paymentWindowMs: values.INVENTORY_PAYMENT_WINDOW_SECONDS * 1000,
    routing: values.INVENTORY_ROUTING,
    reserveBatchMax: values.INVENTORY_RESERVE_BATCH_MAX,
    deliveryPromiseDays: values.INVENTORY_DELIVERY_PROMISE_DAYS,
    replenishment: {
      coverDays: values.INVENTORY_REPLENISH_COVER_DAYS,
      overstockCoverDays: values.INVENTORY_OVERSTOCK_COVER_DAYS,
      slowMovingNoSaleDays: values.INVENTORY_SLOW_NO_SALE_DAYS,
      slowMovingCoverDays: values.INVENTORY_SLOW_COVER_DAYS,
    },
    abc: { aShare: values.INVENTORY_ABC_A_PERCENT / 100, bShare: values.INVENTORY_ABC_B_PERCENT / 100 },
    suddenDropShare: values.INVENTORY_SUDDEN_DROP_PERCENT / 100,
    defaultCostShare: values.INVENTORY_DEFAULT_COST_PERCENT / 100,
    channelStockCoalesceMs: values.INVENTORY_CHANNEL_STOCK_COALESCE_MS,
  };
  return validConfig('inventory', config, problems);
}

export const INVENTORY_CONFIG_SECTIONS = [configSection('inventory', INVENTORY_CONFIG, loadInventoryConfig)];
