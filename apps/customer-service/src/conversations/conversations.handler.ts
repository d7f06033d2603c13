import { Injectable } from '@nestjs/common';
import { ChannelMessageReceived, type ChannelMessagePayload, type EventEnvelope } from '@shopops/contracts';
import { OnEventBatch, type TransactionContext } from '@shopops/platform';
import { lockAccounts } from '../buyers/account-lock';
import { ConversationsService } from './conversations.service';

@Injectable()
export class ConversationsHandler {
  constructor(private readonly conversations: ConversationsService) {}

  /** A buyer's chat message opens (or continues) the conversation it belongs to. */
  @OnEventBatch(ChannelMessageReceived)
  async recordBuyerMessage(tx: TransactionContext, events: Array<EventEnvelope<ChannelMessagePayload>>): Promise<void> {
    // Every account of the batch locked up front, in key order (see lockAccounts).
    await lockAccounts(
      tx,
      events.map((e) => ({ channel: e.payload.channel, platformUserId: e.payload.buyer.platformUserId })),
    );
    for (const { payload: p } of events) {
      await this.conversations.receive(tx, {
        channel: p.channel,
        externalId: p.conversationId,
        platformUserId: p.buyer.platformUserId,
        text: p.text,
        at: new Date(p.at),
      });
    }
  }
}
