import { Injectable } from '@nestjs/common';
import {
  CHANNEL_ORDER_EVENTS,
  ChannelMessageReceived,
  ChannelReviewCreated,
  type BuyerData,
  type EventEnvelope,
} from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { MembersService } from './members.service';

@Injectable()
export class BuyerEventsHandler {
  constructor(private readonly members: MembersService) {}

  /** Every order, review and chat names a buyer: make sure that buyer is a member. */
  @OnEvent(...CHANNEL_ORDER_EVENTS, ChannelReviewCreated, ChannelMessageReceived)
  async recognizeBuyer(tx: TransactionContext, event: EventEnvelope<{ channel: string; buyer: BuyerData }>): Promise<void> {
    await this.members.findOrCreateByIdentity(tx, event.payload.channel, event.payload.buyer.platformUserId);
  }
}
