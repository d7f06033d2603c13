import { Injectable } from '@nestjs/common';
import {
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  IdentityLinked,
  MemberCreated,
  MemberErasureRequested,
  MembersMerged,
  TierChanged,
  type ChannelOrderPayload,
  type EventEnvelope,
  type IdentityLinkedPayload,
  type MemberErasureRequestedPayload,
  type MembersMergedPayload,
  type TierChangedPayload,
} from '@shopops/contracts';
import { OnEvent, OnEventBatch, type TransactionContext } from '@shopops/platform';

/**
 * What customer service needs to know from other services: which member an account is (and its
 * tier, for routing and fast-track), and each order's amount and lines (refund limits).
 */
@Injectable()
export class BuyersHandler {
  @OnEvent(MemberCreated, IdentityLinked)
  async linkAccount(tx: TransactionContext, event: EventEnvelope<IdentityLinkedPayload>): Promise<void> {
    const p = event.payload;
    await tx.em.query(
      `INSERT INTO buyer (platform, platform_user_id, member_id) VALUES ($1, $2, $3) ON CONFLICT (platform, platform_user_id) DO UPDATE SET member_id = EXCLUDED.member_id`,
      [p.platform, p.platformUserId, p.memberId],
    );
    await tx.em.query(`UPDATE conversation SET member_id = $3 WHERE channel = $1 AND platform_user_id = $2 AND member_id IS DISTINCT FROM $3`, [p.platform, p.platformUserId, p.memberId]);
    await tx.em.query(`UPDATE after_sales_case SET member_id = $3 WHERE channel = $1 AND platform_user_id = $2`, [p.platform, p.platformUserId, p.memberId]);
  }

  @OnEvent(MembersMerged)
  async merge(tx: TransactionContext, event: EventEnvelope<MembersMergedPayload>): Promise<void> {
    const { survivorMemberId, mergedMemberId } = event.payload;
    await tx.em.query(`UPDATE buyer SET member_id = $1 WHERE member_id = $2`, [survivorMemberId, mergedMemberId]);
    await tx.em.query(`UPDATE conversation SET member_id = $1 WHERE member_id = $2`, [survivorMemberId, mergedMemberId]);
    await tx.em.query(`UPDATE after_sales_case SET member_id = $1 WHERE member_id = $2`, [survivorMemberId, mergedMemberId]);
  }

  @OnEvent(TierChanged)
  async tier(tx: TransactionContext, event: EventEnvelope<TierChangedPayload>): Promise<void> {
    await tx.em.query(`INSERT INTO member_tier (member_id, tier_code) VALUES ($1, $2) ON CONFLICT (member_id) DO UPDATE SET tier_code = EXCLUDED.tier_code`, [event.payload.memberId, event.payload.toTier]);
  }

  /** The member asked to be forgotten: their words and accounts go, the service records stay anonymous. */
  @OnEvent(MemberErasureRequested)
  async erase(tx: TransactionContext, event: EventEnvelope<MemberErasureRequestedPayload>): Promise<void> {
    const { memberId } = event.payload;
    await tx.em.query(`UPDATE message SET text = '[erased]' WHERE author = 'BUYER' AND conversation_id IN (SELECT id FROM conversation WHERE member_id = $1)`, [memberId]);
    await tx.em.query(`UPDATE conversation SET platform_user_id = NULL, subject = NULL WHERE member_id = $1`, [memberId]);
    await tx.em.query(`UPDATE review SET text = '[erased]', platform_user_id = NULL, images = '{}' WHERE platform_user_id IN (SELECT platform_user_id FROM buyer WHERE member_id = $1)`, [memberId]);
    await tx.em.query(`UPDATE after_sales_case SET pickup_address = NULL, reason = '[erased]' WHERE member_id = $1`, [memberId]);
    await tx.em.query(`DELETE FROM buyer WHERE member_id = $1`, [memberId]);
  }

  @OnEventBatch(ChannelOrderCreated, ChannelOrderPaid, ChannelOrderShipped, ChannelOrderCompleted, ChannelOrderCancelled)
  async orders(tx: TransactionContext, events: Array<EventEnvelope<ChannelOrderPayload>>): Promise<void> {
    // Rows locked in key order, not arrival order, so concurrent batches never deadlock; a stable sort keeps each order's events in sequence.
    const key = (e: EventEnvelope<ChannelOrderPayload>) => `${e.payload.channel}\u0000${e.payload.orderId}`;
    const ordered = [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    for (const event of ordered) {
      const p = event.payload;
      const status = event.type.split('.')[2].toUpperCase();
      await tx.em.query(
        `INSERT INTO customer_order (channel, order_id, platform_user_id, total_fen, lines, status) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (channel, order_id) DO UPDATE SET total_fen = EXCLUDED.total_fen, lines = EXCLUDED.lines, status = EXCLUDED.status, updated_at = now()`,
        [p.channel, p.orderId, p.buyer.platformUserId, p.totalFen, JSON.stringify(p.lines), status],
      );
    }
  }
}
