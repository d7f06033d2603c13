import { Injectable } from '@nestjs/common';
import {
  ChannelStockChanged,
  ConversationOpened,
  ConversationResolved,
  type ChannelStockChangedPayload,
  type ConversationOpenedPayload,
  type ConversationResolvedPayload,
  type EventEnvelope,
} from '@shopops/contracts';
import { OnEventBatch, type TransactionContext } from '@shopops/platform';
import { KpiRollups } from '../kpis/kpi-rollups';

/** Customer-service and stock events from the other services, counted into the rollups. */
@Injectable()
export class OperationsHandler {
  constructor(private readonly rollups: KpiRollups) {}

  @OnEventBatch(ConversationOpened, ConversationResolved, ChannelStockChanged)
  async record(tx: TransactionContext, events: Array<EventEnvelope<ConversationOpenedPayload | ConversationResolvedPayload | ChannelStockChangedPayload>>): Promise<void> {
    for (const event of events) {
      if (event.type === ConversationOpened.type) await this.rollups.addConversationOpened(tx, event.payload as ConversationOpenedPayload, event.occurredAt);
      else if (event.type === ConversationResolved.type) await this.rollups.addConversationResolved(tx, event.payload as ConversationResolvedPayload);
      else await this.rollups.setStock(tx, event.payload as ChannelStockChangedPayload, event.occurredAt);
    }
  }
}
