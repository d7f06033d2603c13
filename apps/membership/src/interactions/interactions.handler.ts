import { Inject, Injectable } from '@nestjs/common';
import { ChannelMessageReceived, ChannelReviewCreated, type ChannelMessagePayload, type ChannelReviewPayload, type EventEnvelope } from '@shopops/contracts';
import { execute, OnEvent, selectRows, type TransactionContext } from '@shopops/platform';
import { MembersService } from '../members/members.service';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { PointsLedger } from '../points/points-ledger';
import { TiersService } from '../tiers/tiers.service';

/** Community levels by interaction score, from the shop's thresholds (MEMBERSHIP_COMMUNITY_*_SCORE). */
export function communityLevel(score: number, levels: MembershipConfig['communityLevels']): 'member' | 'core_user' | 'co_creator' {
  if (score >= levels.coCreator) return 'co_creator';
  if (score >= levels.coreUser) return 'core_user';
  return 'member';
}

/**
 * Reviews and chats show a member acting: they raise the interaction score (a tier path and a
 * community level), mark the last interaction (ending dormancy), and the review after the fifth
 * earns a one-time bonus. Each review or conversation counts once, whatever the redeliveries.
 */
@Injectable()
export class InteractionsHandler {
  constructor(
    private readonly members: MembersService,
    private readonly ledger: PointsLedger,
    private readonly tiers: TiersService,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  @OnEvent(ChannelReviewCreated)
  async recordReview(tx: TransactionContext, event: EventEnvelope<ChannelReviewPayload>): Promise<void> {
    const review = event.payload;
    const memberId = await this.members.memberForBuyer(tx, review.channel, review.buyer);
    if (!(await this.countOnce(tx, 'review', review.channel, review.reviewId, memberId, review.createdAt))) return;
    const [member] = await selectRows<{ review_count: number; interaction_score: number }>(
      tx.em,
      `WITH updated AS (
         UPDATE member SET review_count = review_count + 1, interaction_score = interaction_score + $2, updated_at = now()
          WHERE id = $1 RETURNING review_count, interaction_score)
       SELECT * FROM updated`,
      [memberId, this.config.interactionScore.review],
    );
    await this.members.recordInteraction(tx, memberId, new Date(review.createdAt));
    if (member.review_count > this.config.reviewBonusAfter && this.config.reviewBonusPoints > 0) {
      await this.ledger.grant(tx, {
        memberId,
        key: `bonus:reviews-over-${this.config.reviewBonusAfter}:${memberId}`,
        points: this.config.reviewBonusPoints,
        source: `bonus for writing more than ${this.config.reviewBonusAfter} reviews`,
        kind: 'BONUS',
      });
    }
    await this.afterInteraction(tx, memberId, member.interaction_score);
  }

  @OnEvent(ChannelMessageReceived)
  async recordChat(tx: TransactionContext, event: EventEnvelope<ChannelMessagePayload>): Promise<void> {
    const message = event.payload;
    const memberId = await this.members.memberForBuyer(tx, message.channel, message.buyer);
    await this.members.recordInteraction(tx, memberId, new Date(message.at));
    if (!(await this.countOnce(tx, 'chat', message.channel, message.conversationId, memberId, message.at))) return;
    const [member] = await selectRows<{ interaction_score: number }>(
      tx.em,
      `WITH updated AS (UPDATE member SET interaction_score = interaction_score + $2, updated_at = now() WHERE id = $1 RETURNING interaction_score) SELECT * FROM updated`,
      [memberId, this.config.interactionScore.chat],
    );
    await this.afterInteraction(tx, memberId, member.interaction_score);
  }

  private async countOnce(tx: TransactionContext, kind: string, channel: string, externalId: string, memberId: string, at: string): Promise<boolean> {
    const inserted = await selectRows<{ kind: string }>(
      tx.em,
      `INSERT INTO member_interaction (kind, channel, external_id, member_id, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING kind`,
      [kind, channel, externalId, memberId, new Date(at)],
    );
    return inserted.length > 0;
  }

  private async afterInteraction(tx: TransactionContext, memberId: string, score: number): Promise<void> {
    await execute(tx.em, `UPDATE member SET community_level = $2 WHERE id = $1`, [memberId, communityLevel(score, this.config.communityLevels)]);
    await execute(tx.em, `INSERT INTO rfm_dirty (member_id) VALUES ($1) ON CONFLICT DO NOTHING`, [memberId]);
    await this.tiers.evaluate(tx, memberId, 'interaction score');
  }
}
