import { Injectable } from '@nestjs/common';
import {
  ERASURE_CONFIRMATIONS,
  IdentityLinked,
  MemberCreated,
  MemberErasureRequested,
  MembersMerged,
  PromotionEnded,
  PromotionStarted,
  type EventEnvelope,
  type IdentityLinkedPayload,
  type MemberErasureRequestedPayload,
  type MembersMergedPayload,
  type PromotionPayload,
} from '@shopops/contracts';
import { DeadLetters, execute, MemberAccountProjection, OnEvent, selectRows, type TransactionContext } from '@shopops/platform';

const BUYER_MEMBERS = new MemberAccountProjection({ table: 'buyer_member', platformColumn: 'channel' });

/** Flash sales as the catalog starts and ends them, and which member each buyer account is. */
@Injectable()
export class FlashSalesHandler {
  constructor(private readonly deadLetters: DeadLetters) {}

  @OnEvent(PromotionStarted)
  async started(tx: TransactionContext, event: EventEnvelope<PromotionPayload>): Promise<void> {
    const p = event.payload;
    if (p.kind !== 'FLASH_SALE') return;
    await execute(
      tx.em,
      `INSERT INTO flash_sale (promotion_id, code, sku_codes, starts_at, ends_at, quantity_cap, per_buyer_limit) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (promotion_id) DO NOTHING`,
      [p.promotionId, p.code, p.skuCodes, p.startsAt, p.endsAt, p.quantityCap ?? null, p.perBuyerLimit ?? null],
    );
  }

  @OnEvent(PromotionEnded)
  async ended(tx: TransactionContext, event: EventEnvelope<PromotionPayload>): Promise<void> {
    await execute(tx.em, `UPDATE flash_sale SET ended = true WHERE promotion_id = $1`, [event.payload.promotionId]);
  }

  @OnEvent(MemberCreated, IdentityLinked)
  async account(tx: TransactionContext, event: EventEnvelope<IdentityLinkedPayload>): Promise<void> {
    await BUYER_MEMBERS.link(tx.em, event.payload);
  }

  /** Reservations and flash-sale counts stay; the erased member's accounts become the request's pseudonym. */
  @OnEvent(MemberErasureRequested)
  async erased(tx: TransactionContext, event: EventEnvelope<MemberErasureRequestedPayload>): Promise<void> {
    const { memberId, requestId } = event.payload;
    const accountsOf = `(SELECT channel, platform_user_id FROM buyer_member WHERE member_id = $1)`;
    await execute(tx.em, `UPDATE reservation SET buyer_id = $2 WHERE (channel, buyer_id) IN ${accountsOf}`, [memberId, `erased:${requestId}`]);
    // One pseudonym per account: two accounts' counts under one sale must not collide on the key.
    const pseudonymOf = `'erased:' || $2 || ':' || md5(b.channel || ':' || b.platform_user_id)`;
    const ofTheMember = `b.member_id = $1 AND f.buyer_key = b.channel || ':' || b.platform_user_id`;
    await execute(tx.em, `UPDATE flash_sale_order f SET buyer_key = ${pseudonymOf} FROM buyer_member b WHERE ${ofTheMember}`, [memberId, requestId]);
    await execute(tx.em, `UPDATE flash_sale_buyer f SET buyer_key = ${pseudonymOf} FROM buyer_member b WHERE ${ofTheMember}`, [memberId, requestId]);
    const accounts = await selectRows<{ platform_user_id: string }>(tx.em, `SELECT platform_user_id FROM buyer_member WHERE member_id = $1`, [memberId]);
    await this.deadLetters.pseudonymise(
      accounts.map((a) => a.platform_user_id),
      `erased:${requestId}`,
    );
    await execute(tx.em, `DELETE FROM buyer_member WHERE member_id = $1`, [memberId]);
    // Committed with the erasure: membership's receipt shows this service done.
    tx.emit(ERASURE_CONFIRMATIONS.inventory, { requestId, memberId });
  }

  @OnEvent(MembersMerged)
  async merged(tx: TransactionContext, event: EventEnvelope<MembersMergedPayload>): Promise<void> {
    await BUYER_MEMBERS.merge(tx.em, event.payload);
  }
}
