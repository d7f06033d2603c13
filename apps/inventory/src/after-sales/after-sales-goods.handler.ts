import { Injectable } from '@nestjs/common';
import {
  RefundIssued,
  issuedRefundKey,
  ReplacementShipped,
  ReturnReceived,
  type EventEnvelope,
  type RefundIssuedPayload,
  type ReplacementShippedPayload,
  type ReturnReceivedPayload,
} from '@shopops/contracts';
import { OnEvent, selectRow, type TransactionContext } from '@shopops/platform';
import { ReservationEngine } from '../reservations/reservation-engine';
import { levelKey, StockLedger } from '../stock/stock-ledger';

const CENTRAL = 'CENTRAL';

/**
 * Goods and money that move through customer service's after-sales cases: returned units back on
 * the shelf (only for orders that shipped), refunds before shipping freeing their reservation,
 * and the replacement an exchange sends out taken off the shelf.
 */
@Injectable()
export class AfterSalesGoodsHandler {
  constructor(
    private readonly ledger: StockLedger,
    private readonly engine: ReservationEngine,
  ) {}

  /**
   * Returned goods are back on the shelf of the location that received them. Only what left with
   * the order can come back: a return on an order whose stock never shipped (still held or
   * released) adds nothing, and `ops reconcile` reports it.
   */
  @OnEvent(ReturnReceived)
  async putReturnBackInStock(tx: TransactionContext, event: EventEnvelope<ReturnReceivedPayload>): Promise<void> {
    const item = event.payload;
    const known = await selectRow(tx.em, `SELECT 1 FROM known_sku WHERE sku_code = $1`, [item.skuCode]);
    if (!known) return; // a return of something never stocked here: nothing to put back
    const reservation = await selectRow<{ status: string | null }>(tx.em, `SELECT status FROM reservation WHERE channel = $1 AND order_id = $2`, [
      item.channel,
      item.orderId,
    ]);
    if (reservation?.status !== 'COMMITTED') return;
    await this.ledger.lockLevels(tx, [item.skuCode]);
    await this.ledger.record(tx, [
      {
        skuCode: item.skuCode,
        locationCode: item.locationCode ?? CENTRAL,
        kind: 'RETURN',
        onHandDelta: item.quantity,
        reservedDelta: 0,
        reference: `return:${item.channel}:${item.orderId}:${item.caseId}`,
      },
    ]);
  }

  /** A refund is a fact about the order like the channel's own: before shipping it frees the refunded lines' stock. */
  @OnEvent(RefundIssued)
  async applyRefund(tx: TransactionContext, event: EventEnvelope<RefundIssuedPayload>): Promise<void> {
    const refund = event.payload;
    // Kept by its case or dispute, so a replay frees nothing more; no lines means the whole order.
    const lines = (refund.lines ?? []).map((l) => ({ skuCode: l.skuCode, quantity: l.quantity }));
    await this.engine.apply(tx, [{ channel: refund.channel, orderId: refund.orderId, fact: 'refunded', refund: { refundId: issuedRefundKey(refund), lines } }]);
  }

  /**
   * The replacement leaves from the location named, or central; when that shelf has too few free
   * units it leaves from the location with the most (the parcel did go out, so the units existed).
   */
  @OnEvent(ReplacementShipped)
  async takeReplacementOffTheShelf(tx: TransactionContext, event: EventEnvelope<ReplacementShippedPayload>): Promise<void> {
    const item = event.payload;
    const levels = [...(await this.ledger.lockLevels(tx, [item.skuCode])).values()];
    const free = (locationCode: string) => {
      const level = levels.find((l) => levelKey(l.skuCode, l.locationCode) === levelKey(item.skuCode, locationCode));
      return level ? level.onHand - level.reserved : 0;
    };
    const wanted = item.locationCode ?? CENTRAL;
    const fullest = [...levels].sort((a, b) => b.onHand - b.reserved - (a.onHand - a.reserved))[0];
    const locationCode = free(wanted) >= item.quantity ? wanted : fullest?.locationCode;
    if (!locationCode || free(locationCode) < item.quantity)
      throw new Error(`replacement ${item.skuCode} × ${item.quantity} for case ${item.caseId}: no location has that many free units`);
    await this.ledger.record(tx, [
      {
        skuCode: item.skuCode,
        locationCode,
        kind: 'EXCHANGE_OUT',
        onHandDelta: -item.quantity,
        reservedDelta: 0,
        reason: 'exchange replacement sent',
        reference: `exchange:${item.channel}:${item.orderId}:${item.caseId}`,
      },
    ]);
  }
}
