import { Injectable } from '@nestjs/common';
import { ChannelMessageReceived, ConversationOpened, type ChannelMessagePayload, type EventEnvelope } from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';

@Injectable()
export class ConversationsHandler {
  /** A buyer's chat message opens (or continues) the conversation it belongs to. */
  @OnEvent(ChannelMessageReceived)
  async recordBuyerMessage(tx: TransactionContext, event: EventEnvelope<ChannelMessagePayload>): Promise<void> {
    const p = event.payload;
    const opened: Array<{ id: string }> = await tx.em.query(
      `INSERT INTO conversation (channel, external_id, platform_user_id) VALUES ($1, $2, $3)
       ON CONFLICT (channel, external_id) DO NOTHING RETURNING id`,
      [p.channel, p.conversationId, p.buyer.platformUserId],
    );
    const conversation = opened[0] ?? (await tx.repo(Conversation).findOneByOrFail({ channel: p.channel, externalId: p.conversationId }));
    if (opened[0]) {
      tx.emit(ConversationOpened, {
        conversationId: conversation.id,
        channel: p.channel,
        externalId: p.conversationId,
        platformUserId: p.buyer.platformUserId,
      });
    }
    await tx.repo(Message).insert({ conversationId: conversation.id, author: 'buyer', text: p.text, sentAt: new Date(p.at) });
  }
}
