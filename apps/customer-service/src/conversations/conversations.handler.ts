import { Injectable } from '@nestjs/common';
import { ChannelMessageReceived, type ChannelMessagePayload, type EventEnvelope } from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { ConversationsService } from './conversations.service';

@Injectable()
export class ConversationsHandler {
  constructor(private readonly conversations: ConversationsService) {}

  /** A buyer's chat message opens (or continues) the conversation it belongs to. */
  @OnEvent(ChannelMessageReceived)
  async recordBuyerMessage(tx: TransactionContext, event: EventEnvelope<ChannelMessagePayload>): Promise<void> {
    const p = event.payload;
    await this.conversations.receive(tx, {
      channel: p.channel,
      externalId: p.conversationId,
      platformUserId: p.buyer.platformUserId,
      text: p.text,
      at: new Date(p.at),
    });
  }
}
