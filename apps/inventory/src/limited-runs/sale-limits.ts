import type { TransactionContext } from '@shopops/platform';
import { FlashSaleGate, type FlashSaleRefusal } from '../flash-sales/flash-sale-gate';
import type { ReservationState } from '../reservations/reservation.types';
import { LimitedRunGate, type LimitedRunRefusal } from './limited-run-gate';

export type SaleLimitRefusal = FlashSaleRefusal | LimitedRunRefusal;

/**
 * What an order must pass before stock: the flash sales' caps and a collection's limited run. Both
 * lock their rows in this order in every batch (flash sales, then runs), so batches never deadlock.
 */
export class SaleLimits {
  private constructor(
    private readonly flashSales: FlashSaleGate,
    private readonly runs: LimitedRunGate,
  ) {}

  static async load(
    tx: TransactionContext,
    skuCodes: readonly string[],
    orders: ReadonlyArray<{ channel: string; orderId: string; buyerId: string | null }>,
  ): Promise<SaleLimits> {
    const flashSales = await FlashSaleGate.load(tx, skuCodes, orders);
    return new SaleLimits(flashSales, await LimitedRunGate.load(tx, skuCodes, orders));
  }

  /** Takes the order's units under every limit, or none of them with the first refusal. */
  admit(state: ReservationState): SaleLimitRefusal | undefined {
    const flash = this.flashSales.admit(state);
    if (flash) return flash;
    const run = this.runs.admit(state);
    if (run) this.flashSales.giveBack(state);
    return run;
  }

  giveBack(state: ReservationState): void {
    this.flashSales.giveBack(state);
    this.runs.giveBack(state);
  }

  async save(tx: TransactionContext): Promise<void> {
    await this.flashSales.save(tx);
    await this.runs.save(tx);
  }
}
