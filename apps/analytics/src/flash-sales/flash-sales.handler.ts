import { Injectable } from '@nestjs/common';
import { PromotionStarted, type EventEnvelope, type PromotionPayload } from '@shopops/contracts';
import { execute, OnEventAs, type TransactionContext } from '@shopops/platform';

/** Flash sales as the catalog starts them: their window, SKUs and cap. */
@Injectable()
export class FlashSalesHandler {
  // The inbox keeps the name this handler had before it moved: it is the idempotency scope.
  @OnEventAs('FlashSaleSalesResolver.started', PromotionStarted)
  async started(tx: TransactionContext, event: EventEnvelope<PromotionPayload>): Promise<void> {
    const p = event.payload;
    if (p.kind !== 'FLASH_SALE') return;
    await execute(
      tx.em,
      `INSERT INTO flash_sale_window (promotion_id, code, sku_codes, starts_at, ends_at, quantity_cap) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (promotion_id) DO NOTHING`,
      [p.promotionId, p.code, p.skuCodes, p.startsAt, p.endsAt, p.quantityCap ?? null],
    );
  }
}
