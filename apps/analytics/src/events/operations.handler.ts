import { Injectable } from '@nestjs/common';
import {
  ChannelStockChanged,
  ConversationOpened,
  ConversationResolved,
  RefundIssued,
  issuedRefundKey,
  SkuCreated,
  type ChannelStockChangedPayload,
  type ConversationOpenedPayload,
  type ConversationResolvedPayload,
  type EventEnvelope,
  type RefundIssuedPayload,
  type SkuCreatedPayload,
} from '@shopops/contracts';
import { execute, OnEvent, OnEventBatch, type TransactionContext } from '@shopops/platform';
import { KpiRollups } from '../kpis/kpi-rollups';

/** Catalog, customer-service (conversations, refunds) and stock events from the other services, for the rollups. */
@Injectable()
export class OperationsHandler {
  constructor(private readonly rollups: KpiRollups) {}

  /** Which product and category a SKU belongs to. */
  @OnEvent(SkuCreated)
  async sku(tx: TransactionContext, event: EventEnvelope<SkuCreatedPayload>): Promise<void> {
    const p = event.payload;
    await execute(
      tx.em,
      `INSERT INTO sku_catalog (sku_code, product_code, category_code) VALUES ($1, $2, $3) ON CONFLICT (sku_code) DO UPDATE SET product_code = EXCLUDED.product_code, category_code = EXCLUDED.category_code`,
      [p.code, p.productCode, p.categoryCode ?? null],
    );
  }

  /**
   * A refund customer service issued (after-sales case or dispute ruling) counts like a channel's,
   * once by its own key: the case's or the dispute's id.
   */
  @OnEvent(RefundIssued)
  async refund(tx: TransactionContext, event: EventEnvelope<RefundIssuedPayload>): Promise<void> {
    const p = event.payload;
    await this.rollups.addRefund(tx, {
      channel: p.channel,
      orderId: p.orderId,
      refundId: issuedRefundKey(p),
      amountFen: p.amountFen,
      occurredAt: event.occurredAt,
    });
  }

  @OnEventBatch(ConversationOpened, ConversationResolved, ChannelStockChanged)
  async record(
    tx: TransactionContext,
    events: Array<EventEnvelope<ConversationOpenedPayload | ConversationResolvedPayload | ChannelStockChangedPayload>>,
  ): Promise<void> {
    for (const event of events) {
      if (event.type === ConversationOpened.type) {
        const opened = event.payload as ConversationOpenedPayload;
        // Counted on the day the buyer wrote, not the day the event was relayed.
        await this.rollups.addConversationOpened(tx, opened, opened.openedAt ?? event.occurredAt);
      } else if (event.type === ConversationResolved.type) await this.rollups.addConversationResolved(tx, event.payload as ConversationResolvedPayload);
      else await this.rollups.setStock(tx, event.payload as ChannelStockChangedPayload, event.occurredAt);
    }
  }
}
