import { configSection, IntegerVariable, OneOfVariable, readEnvironment, validConfig, type Environment } from '@shopops/platform';

/** Inventory policies; every default is DOMAIN.md's, every one can be changed per shop. */
export interface InventoryConfig {
  /** Unpaid orders give their stock back after this long (default 30 min). */
  readonly paymentWindowMs: number;
  readonly routing: 'nearest' | 'nearest-split';
  /** Concurrent reservations handled in one transaction (1 = a transaction per request). */
  readonly reserveBatchMax: number;
  /**
   * The in-process admission counter of own-mall reservations: a SKU's count is trusted for
   * `freshMs` after the batch that read it (default 1000; 0 = never, every caller goes to
   * PostgreSQL); at most `maxHolders` orders holding a sold-out SKU are kept to tell a retry from a
   * new buyer (default 100,000; more = refusals of that SKU go to PostgreSQL).
   */
  readonly admission: { readonly freshMs: number; readonly maxHolders: number };
  readonly deliveryPromiseDays: number;
  readonly replenishment: {
    /** Days of forecast demand an order should cover beyond the lead time. */
    readonly coverDays: number;
    readonly overstockCoverDays: number;
    readonly slowMovingNoSaleDays: number;
    readonly slowMovingCoverDays: number;
  };
  /**
   * How each ABC class is replenished: A covers at most `aTurnoverDays` of demand on top of its
   * safety stock; B orders small fast batches of `bBatchCoverDays` from its smallest-MOQ supplier;
   * C is sold on pre-sale and orders only what was sold.
   */
  readonly classPolicies: { readonly aTurnoverDays: number; readonly bBatchCoverDays: number };
  /** Supplier grade = weighted on-time, quality and cost (weights sum to 1); grade cut-offs on the score. */
  readonly supplierGrading: {
    readonly weights: { readonly onTime: number; readonly quality: number; readonly cost: number };
    readonly cutoffs: { readonly a: number; readonly b: number; readonly c: number };
    /** On-time delivery rate every supplier should reach (DOMAIN: 95%). */
    readonly onTimeTarget: number;
  };
  /** Sharing slow stock: a location that sold the SKU gets at most this many days of its own demand. */
  readonly slowStockShareCoverDays: number;
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
  @IntegerVariable(0, 60_000) INVENTORY_ADMISSION_FRESH_MS = 1000;
  @IntegerVariable(0, 10_000_000) INVENTORY_ADMISSION_MAX_HOLDERS = 100_000;
  @IntegerVariable(1, 60) INVENTORY_DELIVERY_PROMISE_DAYS = 3;
  @IntegerVariable(1, 365) INVENTORY_REPLENISH_COVER_DAYS = 30;
  @IntegerVariable(1, 3650) INVENTORY_OVERSTOCK_COVER_DAYS = 180;
  @IntegerVariable(1, 3650) INVENTORY_SLOW_NO_SALE_DAYS = 60;
  @IntegerVariable(1, 3650) INVENTORY_SLOW_COVER_DAYS = 90;
  @IntegerVariable(1, 100) INVENTORY_SUDDEN_DROP_PERCENT = 50;
  @IntegerVariable(1, 100) INVENTORY_DEFAULT_COST_PERCENT = 60;
  @IntegerVariable(0, 60_000) INVENTORY_CHANNEL_STOCK_COALESCE_MS = 1000;
  @IntegerVariable(1, 365) INVENTORY_A_TURNOVER_DAYS = 30;
  @IntegerVariable(1, 365) INVENTORY_B_BATCH_COVER_DAYS = 14;
  @IntegerVariable(0, 100) INVENTORY_SUPPLIER_WEIGHT_ON_TIME_PERCENT = 50;
  @IntegerVariable(0, 100) INVENTORY_SUPPLIER_WEIGHT_QUALITY_PERCENT = 30;
  @IntegerVariable(0, 100) INVENTORY_SUPPLIER_WEIGHT_COST_PERCENT = 20;
  @IntegerVariable(1, 100) INVENTORY_SUPPLIER_GRADE_A_PERCENT = 90;
  @IntegerVariable(1, 100) INVENTORY_SUPPLIER_GRADE_B_PERCENT = 80;
  @IntegerVariable(1, 100) INVENTORY_SUPPLIER_GRADE_C_PERCENT = 70;
  @IntegerVariable(1, 100) INVENTORY_SUPPLIER_ON_TIME_TARGET_PERCENT = 95;
  @IntegerVariable(1, 365) INVENTORY_SLOW_STOCK_SHARE_COVER_DAYS = 30;
}

export function loadInventoryConfig(env: Environment): InventoryConfig {
  const { values, problems } = readEnvironment(InventoryEnvironment, env);
  const abcValid = !problems.some((problem) => problem.startsWith('INVENTORY_ABC_'));
  if (abcValid && values.INVENTORY_ABC_A_PERCENT + values.INVENTORY_ABC_B_PERCENT >= 100) {
    problems.push('INVENTORY_ABC_A_PERCENT + INVENTORY_ABC_B_PERCENT must stay under 100');
  }
  problems.push(...supplierGradingProblems(values, problems));
  const config: InventoryConfig = {
    paymentWindowMs: values.INVENTORY_PAYMENT_WINDOW_SECONDS * 1000,
    routing: values.INVENTORY_ROUTING,
    reserveBatchMax: values.INVENTORY_RESERVE_BATCH_MAX,
    admission: { freshMs: values.INVENTORY_ADMISSION_FRESH_MS, maxHolders: values.INVENTORY_ADMISSION_MAX_HOLDERS },
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
    classPolicies: { aTurnoverDays: values.INVENTORY_A_TURNOVER_DAYS, bBatchCoverDays: values.INVENTORY_B_BATCH_COVER_DAYS },
    supplierGrading: {
      weights: {
        onTime: values.INVENTORY_SUPPLIER_WEIGHT_ON_TIME_PERCENT / 100,
        quality: values.INVENTORY_SUPPLIER_WEIGHT_QUALITY_PERCENT / 100,
        cost: values.INVENTORY_SUPPLIER_WEIGHT_COST_PERCENT / 100,
      },
      cutoffs: {
        a: values.INVENTORY_SUPPLIER_GRADE_A_PERCENT / 100,
        b: values.INVENTORY_SUPPLIER_GRADE_B_PERCENT / 100,
        c: values.INVENTORY_SUPPLIER_GRADE_C_PERCENT / 100,
      },
      onTimeTarget: values.INVENTORY_SUPPLIER_ON_TIME_TARGET_PERCENT / 100,
    },
    slowStockShareCoverDays: values.INVENTORY_SLOW_STOCK_SHARE_COVER_DAYS,
  };
  return validConfig('inventory', config, problems);
}

/** Weights that add up to 100% and cut-offs that fall from A to C; checked only when each value is valid. */
function supplierGradingProblems(values: InventoryEnvironment, problems: readonly string[]): string[] {
  if (problems.some((problem) => problem.startsWith('INVENTORY_SUPPLIER_'))) return [];
  const found: string[] = [];
  const weights =
    values.INVENTORY_SUPPLIER_WEIGHT_ON_TIME_PERCENT + values.INVENTORY_SUPPLIER_WEIGHT_QUALITY_PERCENT + values.INVENTORY_SUPPLIER_WEIGHT_COST_PERCENT;
  if (weights !== 100) found.push(`INVENTORY_SUPPLIER_WEIGHT_*_PERCENT must add up to 100 (they add up to ${weights})`);
  if (!(
    values.INVENTORY_SUPPLIER_GRADE_A_PERCENT > values.INVENTORY_SUPPLIER_GRADE_B_PERCENT &&
    values.INVENTORY_SUPPLIER_GRADE_B_PERCENT > values.INVENTORY_SUPPLIER_GRADE_C_PERCENT
  )) {
    found.push('INVENTORY_SUPPLIER_GRADE_A_PERCENT > INVENTORY_SUPPLIER_GRADE_B_PERCENT > INVENTORY_SUPPLIER_GRADE_C_PERCENT must hold');
  }
  return found;
}

export const INVENTORY_CONFIG_SECTIONS = [configSection('inventory', INVENTORY_CONFIG, loadInventoryConfig)];
