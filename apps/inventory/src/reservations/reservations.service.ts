import { Inject, Injectable } from '@nestjs/common';
import { InvalidStateError, MicroBatcher, NotFoundError, RequestContext, UnitOfWork } from '@shopops/platform';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { ReservationEngine, type ReservationOutcome } from './reservation-engine';
import { DuplicateOrderError, InsufficientStockError, Reservation, UnknownSkuError } from './reservation.model';
import { ReservationStore } from './reservation-store';
import type { OrderFact, OrderUpdate } from './reservation.types';
import type { ReserveStockFields } from './reserve-stock-input';
import { StockAdmission, stockWants, type StockWants } from './stock-admission';

export type ReserveStockOutcome = Reservation | InsufficientStockError | UnknownSkuError | DuplicateOrderError;

/** What the API shows of a reservation, whether just decided by the engine or read back. */
type ReservationSnapshot = Omit<ReservationOutcome, 'rejection' | 'conflictingLines'> & { readonly updatedAt: Date };

/** One caller of a batch: the update, and the units the admission counter took for it (null: none). */
interface BatchItem {
  readonly ctx: RequestContext;
  readonly update: OrderUpdate;
  readonly taken: StockWants | null;
}

/**
 * Reservations as the API sees them. Own-mall calls go through a micro-batcher: concurrent
 * callers (a flash sale) share one transaction of the reservation engine, and a batch that
 * fails as a whole is retried caller by caller, so one bad order never fails the others.
 */
@Injectable()
export class ReservationsService {
  private readonly batcher: MicroBatcher<BatchItem, ReservationOutcome>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly engine: ReservationEngine,
    private readonly store: ReservationStore,
    private readonly admission: StockAdmission,
    @Inject(INVENTORY_CONFIG) config: InventoryConfig,
  ) {
    this.batcher = new MicroBatcher({ maxBatch: config.reserveBatchMax, maxWaitMs: 0, run: (items) => this.applyBatch(items) });
  }

  /**
   * Answers from the batch's own outcome: no extra reads per caller on the hot path. A caller the
   * admission counter already refuses (sold out) is answered at once, without PostgreSQL.
   */
  async reserveStock(ctx: RequestContext, input: ReserveStockFields): Promise<ReserveStockOutcome> {
    const decision = this.admission.decide(input.channel, input.orderId, stockWants(input.lines));
    if (decision.refused) {
      return Object.assign(new InsufficientStockError(), {
        errorCode: 'INSUFFICIENT_STOCK',
        message: `insufficient stock for ${decision.skuCode}: ${decision.requested} wanted, ${decision.available} available`,
        skuCode: decision.skuCode,
        quantityRequested: decision.requested,
        quantityAvailable: decision.available,
      });
    }
    const outcome = await this.batcher.submit({
      ctx,
      taken: decision.taken,
      update: {
        channel: input.channel,
        orderId: input.orderId,
        fact: 'created',
        lines: input.lines,
        ...(input.region ? { region: input.region } : {}),
        ...(input.buyerId ? { buyerId: input.buyerId } : {}),
        placedAt: new Date().toISOString(),
      },
    });
    if (outcome.conflictingLines) {
      return Object.assign(new DuplicateOrderError(), {
        errorCode: 'DUPLICATE_ORDER',
        message: `Order ${input.channel}/${input.orderId} was reserved before with other lines`,
        channel: input.channel,
        orderId: input.orderId,
      });
    }
    return toResult(outcome) ?? toReservation({ ...outcome, updatedAt: new Date() });
  }

  /** Own-mall lifecycle: paid keeps the stock, shipped commits it, cancelled releases it. */
  async recordOrderFact(
    ctx: RequestContext,
    channel: string,
    orderId: string,
    fact: Extract<OrderFact, 'paid' | 'shipped' | 'cancelled'>,
  ): Promise<Reservation | NotFoundError | InvalidStateError> {
    const existing = await this.store.find(channel, orderId);
    if (!existing?.status) return NotFoundError.of('Reservation', `${channel}/${orderId}`);
    if (existing.status === 'REJECTED')
      return InvalidStateError.of('Reservation', existing.status, fact, `Order ${channel}/${orderId} was rejected: ${existing.reason}`);
    if (fact === 'cancelled' && existing.status === 'COMMITTED') {
      return InvalidStateError.of('Reservation', existing.status, 'cancel', `Order ${channel}/${orderId} has shipped; returns come back through after-sales`);
    }
    await this.batcher.submit({ ctx, taken: null, update: { channel, orderId, fact } });
    return (await this.find(channel, orderId)) ?? NotFoundError.of('Reservation', `${channel}/${orderId}`);
  }

  async find(channel: string, orderId: string): Promise<Reservation | null> {
    const stored = await this.store.find(channel, orderId);
    if (!stored?.status) return null;
    return toReservation({ ...stored, paid: stored.facts.paid });
  }

  /** Each item's counter units are settled exactly once: by the run that commits it, or by its own failed retry. */
  private async applyBatch(items: BatchItem[]): Promise<Array<ReservationOutcome | Error>> {
    try {
      const stockLeft = new Map<string, number>();
      const outcomes = await this.unitOfWork.run(items[0].ctx, (tx) => {
        this.admission.batchStarted(tx);
        return this.engine.apply(
          tx,
          items.map((i) => i.update),
          stockLeft,
        );
      });
      this.admission.committed(
        items.map((i) => i.taken),
        stockLeft,
        outcomes,
      );
      return outcomes;
    } catch (error) {
      if (items.length === 1) {
        this.admission.failed(items[0].taken);
        return [error instanceof Error ? error : new Error(String(error))];
      }
      return Promise.all(items.map(async (item) => (await this.applyBatch([item]))[0]));
    }
  }
}

/** Lines are where the units are held; an order never allocated shows its ordered lines without a location. */
function toReservation(r: ReservationSnapshot): Reservation {
  const lines = r.allocations.length
    ? r.allocations.map((a) => ({ skuCode: a.skuCode, locationCode: a.locationCode, quantity: a.quantity }))
    : r.lines.map((l) => ({ skuCode: l.skuCode, locationCode: null, quantity: l.quantity }));
  return Object.assign(new Reservation(), {
    channel: r.channel,
    orderId: r.orderId,
    status: r.status,
    reason: r.reason,
    lines,
    paid: r.paid,
    region: r.region,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
}

function toResult(outcome: ReservationOutcome): InsufficientStockError | UnknownSkuError | undefined {
  const rejection = outcome.rejection;
  if (!rejection) return undefined;
  if (rejection.kind === 'unknown-sku') {
    return Object.assign(new UnknownSkuError(), { errorCode: 'UNKNOWN_SKU', message: rejection.message, skuCodes: rejection.skuCodes });
  }
  return Object.assign(new InsufficientStockError(), {
    errorCode: 'INSUFFICIENT_STOCK',
    message: rejection.message,
    skuCode: rejection.skuCode,
    quantityRequested: rejection.requested,
    quantityAvailable: rejection.available,
  });
}
