import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { selectRows, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { StockLedger, type StockChangeFollower } from '../stock/stock-ledger';
import { AdmissionCounter, orderKey } from './order-holds';
import type { ReservationOutcome } from './reservation-engine';

/** Units of each SKU one order asks for. */
export type StockWants = ReadonlyArray<{ key: string; units: number }>;

/** The counter's answer before the batch: refused in memory, or on to the engine (with the units it took, if any). */
export type AdmissionDecision =
  | { readonly refused: true; readonly skuCode: string; readonly requested: number; readonly available: number }
  | { readonly refused: false; readonly taken: StockWants | null };

/**
 * Admission of own-mall reservations by an in-process counter per SKU. A caller whose units the
 * fresh count no longer has is refused without PostgreSQL; every other caller still goes through
 * the group-committed engine, which decides under the stock row lock, so the counter can make a
 * caller wait or refuse, never oversell. Each committed batch resets the counts of its SKUs from
 * the levels it locked; a count older than `admission.freshMs` is not trusted (another replica,
 * a receipt or a release may have changed the stock), so several replicas stay correct and a
 * replica's "sold out" is at most that old; a stock change in this process (a receipt, a
 * marketplace order, a release) drops the SKU's count at once. Nothing is kept but memory: after
 * kill -9 the next batch rebuilds every count from PostgreSQL.
 */
@Injectable()
export class StockAdmission implements StockChangeFollower, OnModuleInit {
  private readonly logger = new Logger(StockAdmission.name);
  private readonly counter: AdmissionCounter;
  /** Transactions of our own batches: they reset the counts themselves once committed. */
  private readonly ownBatches = new WeakSet<TransactionContext>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: StockLedger,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {
    this.counter = new AdmissionCounter(config.admission.freshMs);
  }

  onModuleInit(): void {
    this.ledger.follow(this);
  }

  /** Inside the changing transaction, so before it commits: a batch of ours that commits after it reads the new levels under lock. */
  afterChange(tx: TransactionContext, skuCodes: readonly string[]): Promise<void> {
    if (this.ownBatches.has(tx)) return Promise.resolve();
    for (const skuCode of skuCodes) this.counter.forget(skuCode);
    return Promise.resolve();
  }

  decide(channel: string, orderId: string, wants: StockWants): AdmissionDecision {
    const verdict = this.counter.take(wants);
    if (verdict === 'taken') return { refused: false, taken: wants };
    if (verdict === 'unknown') return { refused: false, taken: null };
    // A retry of an order that already holds the SKU must get its reservation back, not a refusal.
    const order = orderKey(channel, orderId);
    for (const w of wants) {
      const held = this.counter.holds(w.key, order);
      if (held === undefined) {
        this.loadHolders(w.key);
        return { refused: false, taken: null };
      }
      if (held) return { refused: false, taken: null };
    }
    const short = wants.find((w) => (this.counter.left(w.key) ?? 0) < w.units) ?? wants[0];
    return { refused: true, skuCode: short.key, requested: short.units, available: Math.max(0, this.counter.left(short.key) ?? 0) };
  }

  /** A batch of reservations runs in this transaction. */
  batchStarted(tx: TransactionContext): void {
    this.ownBatches.add(tx);
  }

  /** The batch committed: its callers' units are settled, its SKUs' counts are PostgreSQL's, its reservations are holders. */
  committed(taken: ReadonlyArray<StockWants | null>, stockLeft: ReadonlyMap<string, number>, outcomes: readonly ReservationOutcome[]): void {
    for (const t of taken) if (t) this.counter.settle(t, false);
    for (const [skuCode, left] of stockLeft) this.counter.observe(skuCode, left);
    for (const o of outcomes) {
      for (const a of o.allocations) this.counter.addHolder(a.skuCode, orderKey(o.channel, o.orderId));
    }
  }

  /** The caller's transaction failed: the units it took go back. */
  failed(taken: StockWants | null): void {
    if (taken) this.counter.settle(taken, true);
  }

  /** Off the hot path: the orders holding a sold-out SKU, so later refusals need no PostgreSQL. */
  private loadHolders(skuCode: string): void {
    if (!this.counter.startLoadingHolders(skuCode)) return;
    const loadedAt = Date.now();
    const max = this.config.admission.maxHolders;
    selectRows<{ channel: string; order_id: string }>(
      this.dataSource,
      `SELECT DISTINCT channel, order_id FROM reservation_allocation WHERE sku_code = $1 LIMIT $2`,
      [skuCode, max + 1],
    )
      .then((rows) => this.counter.setHolders(skuCode, loadedAt, rows.length > max ? undefined : rows.map((r) => orderKey(r.channel, r.order_id))))
      .catch((error: unknown) => {
        this.counter.setHolders(skuCode, loadedAt, undefined);
        this.logger.warn(`holders of ${skuCode} not loaded: ${error instanceof Error ? error.message : String(error)}`);
      });
  }
}

/** An order's lines as units per SKU. */
export function stockWants(lines: ReadonlyArray<{ skuCode: string; quantity: number }>): StockWants {
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.skuCode, (units.get(l.skuCode) ?? 0) + l.quantity);
  return [...units].map(([key, n]) => ({ key, units: n }));
}
