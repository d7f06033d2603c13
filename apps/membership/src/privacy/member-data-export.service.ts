import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, PII_VAULT, selectRow, selectRows, UnitOfWork, type PiiVault, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { MembersService } from '../members/members.service';
import { MemberDataExport } from './privacy.model';
import { PrivacyService } from './privacy.service';

/** The member's own columns the export shows; PII still sealed. */
interface MemberExportRow {
  id: string;
  status: string;
  nickname: string | null;
  nickname_sealed: string | null;
  phone_sealed: string | null;
  address_sealed: string | null;
  birthday_sealed: string | null;
  tier_code: string;
  points_balance: number;
  points_pending: number;
  created_at: Date;
  product_views: number;
  tracked_purchases: number;
  impulse_purchases: number;
}

/** Rows go into the document as PostgreSQL answers them. */
type ExportedRow = Record<string, unknown>;

/** Everything membership holds about a member, PII in clear, as one JSON document (the member's right of access). */
@Injectable()
export class MemberDataExportService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly privacy: PrivacyService,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
  ) {}

  /** Audited: the export itself is recorded in the member's audit trail. */
  async exportData(ctx: RequestContext, memberId: string): Promise<MemberDataExport | NotFoundError> {
    const member = await selectRow<MemberExportRow>(this.dataSource, `SELECT * FROM member WHERE id = $1`, [memberId]);
    if (!member) return NotFoundError.of('Member', memberId);
    const q = <Row = ExportedRow>(sql: string) => selectRows<Row>(this.dataSource, sql, [memberId]);
    const [identities, orders, lots, entries, coupons, redemptions, bookings, consents, tiers, rfm, segments, audit, carts, firstViews, styles] =
      await Promise.all([
        q(`SELECT platform, platform_user_id, linked_at FROM member_identity WHERE member_id = $1`),
        q(`SELECT channel, order_id, total_fen, paid_at, completed_at, cancelled, refunded_fen FROM member_order WHERE member_id = $1`),
        q(`SELECT kind, source_key, points, remaining, status, earned_at, matures_at, expires_at FROM points_lot WHERE member_id = $1`),
        q(`SELECT kind, delta, pending_delta, debt_delta, source, created_at FROM points_entry WHERE member_id = $1 ORDER BY id`),
        q(`SELECT code, template_code, status, issued_via, valid_until, redeemed_order_id FROM coupon WHERE member_id = $1`),
        q(`SELECT reward_code, points, redeemed_at FROM reward_redemption WHERE member_id = $1`),
        q(`SELECT e.code, b.status, b.queued_at FROM event_booking b JOIN exclusive_event e ON e.id = b.event_id WHERE b.member_id = $1`),
        q(`SELECT channel, granted, updated_at FROM consent WHERE member_id = $1`),
        q(`SELECT from_tier, to_tier, reason, at FROM tier_history WHERE member_id = $1 ORDER BY at`),
        q(`SELECT r, f, m, tags, computed_at FROM member_rfm WHERE member_id = $1`),
        q<{ segment_code: string }>(`SELECT segment_code FROM segment_member WHERE member_id = $1`),
        q(`SELECT action, detail, actor, at FROM member_audit WHERE member_id = $1 ORDER BY at`),
        q(`SELECT sku_code, added_at FROM member_cart WHERE member_id = $1`),
        q(`SELECT product_code, first_viewed_at FROM member_product_view WHERE member_id = $1 ORDER BY first_viewed_at`),
        q(`SELECT tag, weight FROM member_style WHERE member_id = $1 ORDER BY weight DESC, tag`),
      ]);
    const clear = (sealed: string | null) => (sealed ? this.vault.open(sealed) : null);
    const exportedAt = new Date();
    const document = {
      exportedAt: exportedAt.toISOString(),
      member: {
        id: member.id,
        status: member.status,
        nickname: this.privacy.nicknameOf({ nickname: member.nickname, nicknameSealed: member.nickname_sealed }),
        phone: clear(member.phone_sealed),
        address: clear(member.address_sealed),
        birthday: clear(member.birthday_sealed),
        tier: member.tier_code,
        pointsBalance: member.points_balance,
        pointsPending: member.points_pending,
        createdAt: member.created_at,
      },
      identities,
      orders,
      points: { lots, entries },
      coupons,
      rewardRedemptions: redemptions,
      eventBookings: bookings,
      consents,
      tierHistory: tiers,
      rfm: rfm[0] ?? null,
      behaviour: {
        productViews: member.product_views,
        trackedPurchases: member.tracked_purchases,
        impulsePurchases: member.impulse_purchases,
        cart: carts,
        firstViews,
        styleWeights: styles,
      },
      segments: segments.map((s) => s.segment_code),
      audit,
    };
    await this.unitOfWork.run(ctx, (tx) => this.members.audit(tx, memberId, 'data.exported', { by: ctx.identity.subject }));
    return Object.assign(new MemberDataExport(), { memberId, exportedAt, document: JSON.stringify(document) });
  }
}
