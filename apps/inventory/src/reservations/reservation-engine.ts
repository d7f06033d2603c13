import { Inject, Injectable } from '@nestjs/common';
import { ReservationChanged } from '@shopops/contracts';
import { selectRows, type TransactionContext } from '@shopops/platform';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { SaleLimits, type SaleLimitRefusal } from '../limited-runs/sale-limits';
import { STOCK_ROUTING, type LocationStock, type StockRoutingStrategy } from '../routing/stock-routing.strategy';
import { levelKey, StockLedger, type LockedLevel, type Movement } from '../stock/stock-ledger';
import { outstandingLines, stepTowards, targetStatus, trimAllocations, wholeOrderRefunded, type OrderFacts } from './order-lifecycle';
import { ReservationStore } from './reservation-store';
import { reservationKey, type AllocationRow, type OrderUpdate, type ReservationState } from './reservation.types';

interface LocationInfo {
  readonly code: string;
  readonly regions: string[];
  readonly priority: number;
  readonly kind: string;
}

/** Why an order could not be reserved, with the facts a caller needs. */
export type Rejection =
  | { readonly kind: 'unknown-sku'; readonly message: string; readonly skuCodes: string[] }
  | { readonly kind: 'insufficient-stock'; readonly message: string; readonly skuCode: string; readonly requested: number; readonly available: number }
  | SaleLimitRefusal;

/** What a batch decided, per update, in the order the updates came. */
export type ReservationOutcome = Pick<ReservationState, 'channel' | 'orderId' | 'status' | 'reason' | 'allocations' | 'lines' | 'region' | 'createdAt'> & {
  readonly paid: boolean;
  /** Set when this update's reservation attempt was refused. */
  readonly rejection?: Rejection;
  /** The update named other lines than the order already has: the same id reused. */
  readonly conflictingLines?: boolean;
};

/**
 * Decides and applies reservations for a batch of order updates in one transaction: locks the
 * orders, then every stock level involved (sorted), allocates in memory in arrival order, and
 * writes levels, ledger, allocations and events with a handful of statements. Concurrent
 * buyers of one hot SKU thus share a transaction instead of queueing on a row lock, and stock
 * can never go below zero or above on hand: the decision is made under the lock.
 */
@Injectable()
export class ReservationEngine {
  constructor(
    private readonly store: ReservationStore,
    private readonly ledger: StockLedger,
    @Inject(STOCK_ROUTING) private readonly routing: StockRoutingStrategy,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  /** `stockLeft`, when given, receives each known SKU's units left (all locations) as this batch leaves them. */
  async apply(tx: TransactionContext, updates: readonly OrderUpdate[], stockLeft?: Map<string, number>): Promise<ReservationOutcome[]> {
    if (updates.length === 0) return [];
    const states = await this.store.lock(tx, updates);
    const skuCodes = new Set<string>();
    for (const u of updates) for (const l of u.lines ?? []) skuCodes.add(l.skuCode);
    for (const s of states.values()) for (const l of s.lines) skuCodes.add(l.skuCode);
    const [levels, known, locations] = await Promise.all([this.ledger.lockLevels(tx, [...skuCodes]), this.knownSkus(tx, [...skuCodes]), this.locations(tx)]);
    const buyers = new Map(
      [...states.values()].map((s) => [reservationKey(s.channel, s.orderId), { channel: s.channel, orderId: s.orderId, buyerId: s.buyerId }]),
    );
    for (const u of updates) {
      const known = buyers.get(reservationKey(u.channel, u.orderId));
      if (known && !known.buyerId && u.buyerId) known.buyerId = u.buyerId;
    }
    const gate = await SaleLimits.load(tx, [...skuCodes], [...buyers.values()]);
    const movements: Movement[] = [];
    const outcomes = updates.map((update): ReservationOutcome => {
      const state = states.get(reservationKey(update.channel, update.orderId)) as ReservationState;
      const conflictingLines = state.lines.length > 0 && update.lines !== undefined && !sameLines(state.lines, update.lines);
      this.learn(state, update);
      const rejection = this.moveTowardsTarget(tx, state, levels, known, locations, movements, gate);
      return {
        channel: state.channel,
        orderId: state.orderId,
        status: state.status,
        reason: state.reason,
        allocations: [...state.allocations],
        lines: [...state.lines],
        region: state.region,
        createdAt: state.createdAt,
        paid: state.facts.paid,
        ...(rejection ? { rejection } : {}),
        ...(conflictingLines ? { conflictingLines } : {}),
      };
    });
    if (stockLeft) {
      for (const skuCode of known) stockLeft.set(skuCode, 0);
      for (const level of levels.values()) {
        if (known.has(level.skuCode)) stockLeft.set(level.skuCode, (stockLeft.get(level.skuCode) ?? 0) + Math.max(0, level.onHand - level.reserved));
      }
    }
    await this.ledger.record(tx, movements);
    await gate.save(tx);
    await this.store.save(tx, [...states.values()]);
    return outcomes;
  }

  /** Adds what this update says to what was known; the first update that carries lines sets them. */
  private learn(state: ReservationState, update: OrderUpdate): void {
    if (state.lines.length === 0 && update.lines?.length) {
      state.lines = update.lines.map((l) => ({
        skuCode: l.skuCode,
        quantity: l.quantity,
        ...(l.unitPriceFen !== undefined ? { unitPriceFen: l.unitPriceFen } : {}),
      }));
      state.region = update.region ?? null;
      state.buyerId = update.buyerId ?? null;
      state.placedAt = update.placedAt ?? null;
    }
    const f = state.facts;
    // A refund counts for stock only before the parcel left; each refund id once, however often it is replayed.
    const refund = update.fact === 'refunded' && !f.shipped && !f.completed ? update.refund : undefined;
    if (refund && !state.refunds.some((r) => r.refundId === refund.refundId)) state.refunds = [...state.refunds, refund];
    const learned: Partial<OrderFacts> =
      update.fact === 'paid'
        ? { paid: true }
        : update.fact === 'shipped'
          ? { shipped: true }
          : update.fact === 'completed'
            ? { completed: true }
            : update.fact === 'cancelled'
              ? { cancelled: true }
              : update.fact === 'paymentWindowClosed'
                ? { paymentWindowClosed: true }
                : {};
    state.facts = { ...f, ...learned, refundedBeforeShipping: f.refundedBeforeShipping || wholeOrderRefunded(state.lines, state.refunds) };
  }

  private moveTowardsTarget(
    tx: TransactionContext,
    state: ReservationState,
    levels: Map<string, LockedLevel>,
    known: Set<string>,
    locations: LocationInfo[],
    movements: Movement[],
    gate: SaleLimits,
  ): Rejection | undefined {
    if (state.lines.length === 0) return undefined; // only a cancel or timer so far: nothing to hold
    const before = state.status;
    let rejection: Rejection | undefined;
    const step = stepTowards(state.status, targetStatus(state.facts));
    const reference = `order:${state.channel}:${state.orderId}`;
    if (step === 'reserve' || step === 'reserve-and-commit') {
      // A flash sale's cap and a collection's limited run come before the stock itself.
      rejection = gate.admit(state);
      if (!rejection) {
        rejection = this.allocate(state, levels, known, locations);
        if (rejection) gate.giveBack(state);
      }
      if (rejection) {
        state.status = 'REJECTED';
        state.reason = rejection.message;
      } else {
        movements.push(...state.allocations.map((a) => ({ ...a, kind: 'RESERVATION' as const, onHandDelta: 0, reservedDelta: a.quantity, reference })));
        state.status = 'RESERVED';
        state.reason = null;
        if (!state.facts.paid && !state.facts.shipped) state.paymentDueAt = paymentDeadline(state.placedAt, new Date(), this.config.paymentWindowMs);
      }
    }
    if ((step === 'commit' || step === 'reserve-and-commit') && state.status === 'RESERVED') {
      for (const a of state.allocations) adjust(levels, a, -a.quantity, -a.quantity);
      movements.push(...state.allocations.map((a) => ({ ...a, kind: 'SHIPMENT' as const, onHandDelta: -a.quantity, reservedDelta: -a.quantity, reference })));
      state.status = 'COMMITTED';
    }
    const partlyReleased = state.status === 'RESERVED' && step !== 'release' && this.releaseRefundedUnits(state, levels, movements, reference);
    if (step === 'release') {
      gate.giveBack(state);
      for (const a of state.allocations) adjust(levels, a, 0, -a.quantity);
      movements.push(
        ...state.allocations.map((a) => ({
          ...a,
          kind: 'RELEASE' as const,
          onHandDelta: 0,
          reservedDelta: -a.quantity,
          reference,
          reason: releaseReason(state.facts),
        })),
      );
      state.status = 'RELEASED';
      state.reason = releaseReason(state.facts);
    }
    if (state.status === undefined && targetStatus(state.facts) === 'RELEASED') {
      state.status = 'RELEASED';
      state.reason = releaseReason(state.facts);
    }
    if ((state.status !== before || partlyReleased) && state.status) {
      tx.emit(ReservationChanged, {
        channel: state.channel,
        orderId: state.orderId,
        status: state.status,
        ...(state.reason ? { reason: state.reason } : {}),
        lines: state.allocations.map((a) => ({ skuCode: a.skuCode, locationCode: a.locationCode, quantity: a.quantity })),
      });
    }
    return rejection;
  }

  /** A partial refund before shipping frees only the units refunded; the rest stays held and ships. */
  private releaseRefundedUnits(state: ReservationState, levels: Map<string, LockedLevel>, movements: Movement[], reference: string): boolean {
    if (state.refunds.length === 0) return false;
    const { keep, release } = trimAllocations(state.allocations, outstandingLines(state.lines, state.refunds));
    if (release.length === 0) return false;
    for (const a of release) adjust(levels, a, 0, -a.quantity);
    movements.push(...release.map((a) => ({ ...a, kind: 'RELEASE' as const, onHandDelta: 0, reservedDelta: -a.quantity, reference, reason: PARTLY_REFUNDED })));
    state.allocations = keep;
    state.allocationsChanged = true;
    state.reason = PARTLY_REFUNDED;
    return true;
  }

  /** All outstanding lines or none; returns why not when the order cannot be filled. */
  private allocate(state: ReservationState, levels: Map<string, LockedLevel>, known: Set<string>, locations: LocationInfo[]): Rejection | undefined {
    const unknown = state.lines.filter((l) => !known.has(l.skuCode)).map((l) => l.skuCode);
    if (unknown.length) return { kind: 'unknown-sku', message: `unknown SKU ${unknown.join(', ')}`, skuCodes: unknown };
    const taken: AllocationRow[] = [];
    for (const line of outstandingLines(state.lines, state.refunds)) {
      const stock: LocationStock[] = locations.map((location) => {
        const level = levels.get(levelKey(line.skuCode, location.code));
        return {
          locationCode: location.code,
          available: level ? level.onHand - level.reserved : 0,
          regions: location.regions,
          priority: location.priority,
          isCentral: location.kind === 'CENTRAL',
        };
      });
      const allocation = this.routing.allocate(line.quantity, state.region ?? undefined, stock);
      if (!allocation) {
        for (const t of taken) adjust(levels, t, 0, -t.quantity);
        const available = stock.reduce((n, s) => n + Math.max(0, s.available), 0);
        return {
          kind: 'insufficient-stock',
          message: `insufficient stock for ${line.skuCode}: ${line.quantity} wanted, ${available} available`,
          skuCode: line.skuCode,
          requested: line.quantity,
          available,
        };
      }
      for (const a of allocation) {
        const row = { skuCode: line.skuCode, locationCode: a.locationCode, quantity: a.quantity };
        adjust(levels, row, 0, a.quantity);
        taken.push(row);
      }
    }
    state.allocations = mergeAllocations(taken);
    state.allocationsChanged = true;
    return undefined;
  }

  private async knownSkus(tx: TransactionContext, skuCodes: string[]): Promise<Set<string>> {
    const rows = await selectRows<{ sku_code: string }>(tx.em, `SELECT sku_code FROM known_sku WHERE sku_code = ANY($1::text[])`, [skuCodes]);
    return new Set(rows.map((r) => r.sku_code));
  }

  private locations(tx: TransactionContext): Promise<LocationInfo[]> {
    return selectRows<LocationInfo>(tx.em, `SELECT code, regions, priority, kind FROM location ORDER BY code`);
  }
}

function adjust(levels: Map<string, LockedLevel>, a: AllocationRow, onHand: number, reserved: number): void {
  const level = levels.get(levelKey(a.skuCode, a.locationCode));
  if (!level) throw new Error(`no stock level ${a.skuCode}@${a.locationCode} under lock`);
  level.onHand += onHand;
  level.reserved += reserved;
}

function mergeAllocations(rows: AllocationRow[]): AllocationRow[] {
  const merged = new Map<string, AllocationRow>();
  for (const r of rows) {
    const key = levelKey(r.skuCode, r.locationCode);
    const prior = merged.get(key);
    merged.set(key, { ...r, quantity: (prior?.quantity ?? 0) + r.quantity });
  }
  return [...merged.values()];
}

/** The same SKUs in the same quantities, in any order. */
export function sameLines(a: ReadonlyArray<{ skuCode: string; quantity: number }>, b: ReadonlyArray<{ skuCode: string; quantity: number }>): boolean {
  const key = (lines: ReadonlyArray<{ skuCode: string; quantity: number }>) => JSON.stringify([...lines].map((l) => [l.skuCode, l.quantity]).sort());
  return key(a) === key(b);
}

const PARTLY_REFUNDED = 'partly refunded before shipping';

function releaseReason(facts: OrderFacts): string {
  if (facts.cancelled) return 'order cancelled';
  if (facts.refundedBeforeShipping) return 'refunded before shipping';
  return 'unpaid when the payment window closed';
}

/**
 * The payment window runs from when the buyer placed the order (DOMAIN: 30 minutes to pay), not
 * from when the event reached us; a placing time in the future (a skewed clock) counts as now.
 */
export function paymentDeadline(placedAt: string | null, now: Date, windowMs: number): string {
  const placed = placedAt ? Math.min(Date.parse(placedAt), now.getTime()) : now.getTime();
  return new Date((Number.isNaN(placed) ? now.getTime() : placed) + windowMs).toISOString();
}
