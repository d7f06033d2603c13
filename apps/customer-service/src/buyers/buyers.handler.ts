import { Injectable } from '@nestjs/common';
import {
  ChannelLogisticsUpdated,
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ERASURE_CONFIRMATIONS,
  IdentityLinked,
  MemberCreated,
  MemberErasureRequested,
  MembersMerged,
  TierChanged,
  type ChannelLogisticsPayload,
  type ChannelOrderPayload,
  type EventEnvelope,
  type IdentityLinkedPayload,
  type MemberErasureRequestedPayload,
  type MembersMergedPayload,
  type TierChangedPayload,
} from '@shopops/contracts';
import { DeadLetters, execute, MemberAccountProjection, OnEvent, OnEventBatch, selectRows, type TransactionContext } from '@shopops/platform';
import { lockAccounts } from './account-lock';

const BUYERS = new MemberAccountProjection({ table: 'buyer', platformColumn: 'platform' });

/**
 * How far an order has got: events arrive in any order, so the status only moves forward (a paid
 * order never shows CREATED again; as in inventory, shipping wins over a late cancellation).
 */
const ORDER_PROGRESS = ['CREATED', 'PAID', 'CANCELLED', 'SHIPPED', 'COMPLETED'];

/** The platform accounts of member $1, as (channel, platform user id). */
const ACCOUNTS_OF_MEMBER = `(SELECT platform, platform_user_id FROM buyer WHERE member_id = $1)`;

/**
 * What customer service needs to know from other services: which member an account is (and its
 * tier, for routing and fast-track), and each order's amount and lines (refund limits).
 */
@Injectable()
export class BuyersHandler {
  constructor(private readonly deadLetters: DeadLetters) {}

  // Method names are inbox consumer names: kept, so events handled before are not handled again.
  @OnEventBatch(MemberCreated, IdentityLinked)
  async linkAccount(tx: TransactionContext, events: Array<EventEnvelope<IdentityLinkedPayload>>): Promise<void> {
    // The same locks a buyer's message takes before it looks the account up: whichever commits
    // second sees the other's work, so a conversation opened meanwhile is never left unlinked.
    await lockAccounts(
      tx,
      events.map((e) => ({ channel: e.payload.platform, platformUserId: e.payload.platformUserId })),
    );
    for (const event of events) await this.link(tx, event.payload);
  }

  /** The account is the member's: its buyer row, conversations and cases. */
  private async link(tx: TransactionContext, p: IdentityLinkedPayload): Promise<void> {
    await BUYERS.link(tx.em, p);
    await execute(tx.em, `UPDATE conversation SET member_id = $3 WHERE channel = $1 AND platform_user_id = $2 AND member_id IS DISTINCT FROM $3`, [
      p.platform,
      p.platformUserId,
      p.memberId,
    ]);
    await execute(tx.em, `UPDATE after_sales_case SET member_id = $3 WHERE channel = $1 AND platform_user_id = $2`, [p.platform, p.platformUserId, p.memberId]);
  }

  @OnEvent(MembersMerged)
  async merge(tx: TransactionContext, event: EventEnvelope<MembersMergedPayload>): Promise<void> {
    const { survivorMemberId, mergedMemberId } = event.payload;
    await BUYERS.merge(tx.em, event.payload);
    await execute(tx.em, `UPDATE conversation SET member_id = $1 WHERE member_id = $2`, [survivorMemberId, mergedMemberId]);
    await execute(tx.em, `UPDATE after_sales_case SET member_id = $1 WHERE member_id = $2`, [survivorMemberId, mergedMemberId]);
  }

  @OnEvent(TierChanged)
  async tier(tx: TransactionContext, event: EventEnvelope<TierChangedPayload>): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO member_tier (member_id, tier_code) VALUES ($1, $2) ON CONFLICT (member_id) DO UPDATE SET tier_code = EXCLUDED.tier_code`,
      [event.payload.memberId, event.payload.toTier],
    );
  }

  /** The member asked to be forgotten: their words and accounts go, the service records stay anonymous. */
  @OnEvent(MemberErasureRequested)
  async erase(tx: TransactionContext, event: EventEnvelope<MemberErasureRequestedPayload>): Promise<void> {
    const { memberId, requestId } = event.payload;
    await this.eraseWords(tx, memberId);
    await this.pseudonymiseAccounts(tx, memberId, `erased:${requestId}`);
    const accounts = await selectRows<{ platform_user_id: string }>(tx.em, `SELECT platform_user_id FROM buyer WHERE member_id = $1`, [memberId]);
    await this.deadLetters.pseudonymise(
      accounts.map((a) => a.platform_user_id),
      `erased:${requestId}`,
    );
    await execute(tx.em, `DELETE FROM buyer WHERE member_id = $1`, [memberId]);
    // Committed with the erasure: membership's receipt shows this service done.
    tx.emit(ERASURE_CONFIRMATIONS['customer-service'], { requestId, memberId });
  }

  /** A conversation is the member's by member id, or by account when it opened before the account was known here. */
  private async eraseWords(tx: TransactionContext, memberId: string): Promise<void> {
    const conversations = `(SELECT id FROM conversation WHERE member_id = $1 OR (channel, platform_user_id) IN ${ACCOUNTS_OF_MEMBER})`;
    await execute(tx.em, `UPDATE message SET text = '[erased]' WHERE author = 'BUYER' AND conversation_id IN ${conversations}`, [memberId]);
    await execute(tx.em, `UPDATE conversation SET platform_user_id = NULL, subject = NULL WHERE id IN ${conversations}`, [memberId]);
    await execute(
      tx.em,
      `UPDATE review SET text = '[erased]', platform_user_id = NULL, images = '{}' WHERE platform_user_id IN (SELECT platform_user_id FROM buyer WHERE member_id = $1)`,
      [memberId],
    );
    await execute(tx.em, `UPDATE after_sales_case SET pickup_address = NULL, reason = '[erased]' WHERE member_id = $1`, [memberId]);
  }

  /** Orders, cases and contact tasks stay for the figures; the account id becomes the request's pseudonym, in sent events too. */
  private async pseudonymiseAccounts(tx: TransactionContext, memberId: string, pseudonym: string): Promise<void> {
    await execute(tx.em, `UPDATE customer_order SET platform_user_id = $2 WHERE (channel, platform_user_id) IN ${ACCOUNTS_OF_MEMBER}`, [memberId, pseudonym]);
    await execute(tx.em, `UPDATE after_sales_case SET platform_user_id = $2 WHERE (channel, platform_user_id) IN ${ACCOUNTS_OF_MEMBER}`, [memberId, pseudonym]);
    await execute(tx.em, `UPDATE contact_task SET platform_user_id = NULL WHERE (channel, platform_user_id) IN ${ACCOUNTS_OF_MEMBER}`, [memberId]);
    await execute(
      tx.em,
      `UPDATE outbox SET payload = payload || jsonb_build_object('platformUserId', $2::text)
        WHERE payload ? 'platformUserId' AND (payload ->> 'channel', payload ->> 'platformUserId') IN ${ACCOUNTS_OF_MEMBER}`,
      [memberId, pseudonym],
    );
  }

  @OnEventBatch(ChannelOrderCreated, ChannelOrderPaid, ChannelOrderShipped, ChannelOrderCompleted, ChannelOrderCancelled)
  async orders(tx: TransactionContext, events: Array<EventEnvelope<ChannelOrderPayload>>): Promise<void> {
    // Rows locked in key order, not arrival order, so concurrent batches never deadlock; a stable sort keeps each order's events in sequence.
    const key = (e: EventEnvelope<ChannelOrderPayload>) => `${e.payload.channel}\u0000${e.payload.orderId}`;
    const ordered = [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    for (const event of ordered) {
      const p = event.payload;
      const status = event.type.split('.')[2].toUpperCase();
      await execute(
        tx.em,
        `INSERT INTO customer_order (channel, order_id, platform_user_id, total_fen, lines, status, carrier, tracking_no) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (channel, order_id) DO UPDATE SET total_fen = EXCLUDED.total_fen, lines = EXCLUDED.lines,
           status = CASE WHEN array_position($9::text[], EXCLUDED.status) > array_position($9::text[], customer_order.status) THEN EXCLUDED.status ELSE customer_order.status END,
           carrier = coalesce(EXCLUDED.carrier, customer_order.carrier), tracking_no = coalesce(EXCLUDED.tracking_no, customer_order.tracking_no), updated_at = now()`,
        [
          p.channel,
          p.orderId,
          p.buyer.platformUserId,
          p.totalFen,
          JSON.stringify(p.lines),
          status,
          p.shipment?.carrier ?? null,
          p.shipment?.trackingNo ?? null,
          ORDER_PROGRESS,
        ],
      );
    }
  }

  /**
   * What the carrier reports about a parcel, by tracking number (it may come before the order's
   * shipment names it): the latest status by the carrier's time, and when it was first delivered.
   */
  @OnEvent(ChannelLogisticsUpdated)
  async track(tx: TransactionContext, event: EventEnvelope<ChannelLogisticsPayload>): Promise<void> {
    const p = event.payload;
    await execute(
      tx.em,
      `INSERT INTO parcel_tracking (tracking_no, carrier, status, status_at, delivered_at) VALUES ($1, $2, $3, $4, CASE WHEN $3 = 'delivered' THEN $4::timestamptz END)
       ON CONFLICT (tracking_no) DO UPDATE SET
         status = CASE WHEN EXCLUDED.status_at >= parcel_tracking.status_at THEN EXCLUDED.status ELSE parcel_tracking.status END,
         status_at = greatest(EXCLUDED.status_at, parcel_tracking.status_at),
         delivered_at = least(EXCLUDED.delivered_at, parcel_tracking.delivered_at)`,
      [p.trackingNo, p.carrier, p.status, p.at],
    );
  }
}
