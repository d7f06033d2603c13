import { Injectable } from '@nestjs/common';
import { ChannelStockChanged, type ChannelStockChangedPayload, type EventEnvelope } from '@shopops/contracts';
import { OnEventBatch, type TransactionContext } from '@shopops/platform';
import { SearchDocuments } from './search-documents';

/**
 * What each channel publishes as sellable per SKU (inventory's outbound stock sync) becomes the
 * stock status search filters on. Redelivery is absorbed by the inbox; a late event loses to a
 * newer one already recorded.
 */
@Injectable()
export class StockStatusHandler {
  constructor(private readonly documents: SearchDocuments) {}

  @OnEventBatch(ChannelStockChanged)
  async recordChannelStock(tx: TransactionContext, events: Array<EventEnvelope<ChannelStockChangedPayload>>): Promise<void> {
    await this.documents.recordChannelStock(
      tx,
      events.map((e) => ({ skuCode: e.payload.skuCode, channel: e.payload.channel, quantity: e.payload.quantity, at: e.occurredAt })),
    );
  }
}
