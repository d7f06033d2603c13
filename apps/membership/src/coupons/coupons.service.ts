import { Injectable } from '@nestjs/common';
import { CouponIssued, CouponRedeemed } from '@shopops/contracts';
import {
  execute,
  invalidField,
  NotFoundError,
  refuse,
  Scheduled,
  selectRow,
  selectRows,
  UnitOfWork,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Coupon,
  CouponAlreadyUsedError,
  CouponExpiredError,
  CouponLimitReachedError,
  CouponKind,
  CouponMinimumSpendError,
  CouponNotOwnedError,
  CouponStatus,
  CouponTemplate,
  type CouponTemplateInput,
  type RedeemCouponInput,
} from './coupon.model';

export type IssuedVia = 'MANUAL' | 'AUTOMATIC' | 'CAMPAIGN' | 'POINTS';

interface CouponRow {
  id: string;
  code: string;
  template_code: string;
  member_id: string;
  status: CouponStatus;
  issued_via: string;
  campaign: string | null;
  valid_from: Date;
  valid_until: Date;
  redeemed_channel: string | null;
  redeemed_order_id: string | null;
  redeemed_at: Date | null;
  issued_at: Date;
}

export const toCoupon = (r: CouponRow): Coupon =>
  Object.assign(new Coupon(), {
    id: r.id,
    code: r.code,
    templateCode: r.template_code,
    memberId: r.member_id,
    status: r.status,
    issuedVia: r.issued_via,
    campaign: r.campaign,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    redeemedChannel: r.redeemed_channel,
    redeemedOrderId: r.redeemed_order_id,
    redeemedAt: r.redeemed_at,
    issuedAt: r.issued_at,
  });

/** Readable, unguessable coupon codes (no 0/O/1/I). */
function couponCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Coupon templates, issuance within limits, redemption bound to one order, returns, expiry. */
@Injectable()
export class CouponsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  upsertTemplate(ctx: RequestContext, input: CouponTemplateInput): Promise<CouponTemplate> {
    if (input.kind === CouponKind.AMOUNT_OFF && !input.amountOffFen) throw invalidField('amountOffFen', 'is required for an AMOUNT_OFF coupon');
    if (input.kind === CouponKind.PERCENT_OFF && !input.percentOff) throw invalidField('percentOff', 'is required for a PERCENT_OFF coupon');
    if (!input.validDays && !input.validUntil) throw invalidField('validDays', 'or validUntil is required');
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<TemplateRow>(
        tx.em,
        `INSERT INTO coupon_template (code, name, kind, amount_off_fen, percent_off, min_spend_fen, valid_days, valid_from, valid_until, per_member_limit, total_limit, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, amount_off_fen = EXCLUDED.amount_off_fen, percent_off = EXCLUDED.percent_off,
           min_spend_fen = EXCLUDED.min_spend_fen, valid_days = EXCLUDED.valid_days, valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
           per_member_limit = EXCLUDED.per_member_limit, total_limit = EXCLUDED.total_limit, active = EXCLUDED.active
         RETURNING *`,
        [
          input.code,
          input.name,
          input.kind,
          input.amountOffFen ?? null,
          input.percentOff ?? null,
          input.minSpendFen,
          input.validDays ?? null,
          input.validFrom ?? null,
          input.validUntil ?? null,
          input.perMemberLimit,
          input.totalLimit ?? null,
          input.active,
        ],
      );
      return toTemplate(row);
    });
  }

  async templates(): Promise<CouponTemplate[]> {
    return (await selectRows<TemplateRow>(this.dataSource, `SELECT * FROM coupon_template ORDER BY code`)).map(toTemplate);
  }

  issue(
    ctx: RequestContext,
    memberId: string,
    templateCode: string,
    via: IssuedVia,
    campaign?: string,
  ): Promise<Coupon | NotFoundError | CouponLimitReachedError> {
    return this.unitOfWork.run(ctx, (tx) => this.issueIn(tx, memberId, templateCode, via, campaign));
  }

  /** Issues within the template's per-member and total limits (the template row is the lock). */
  async issueIn(
    tx: TransactionContext,
    memberId: string,
    templateCode: string,
    via: IssuedVia,
    campaign?: string,
  ): Promise<Coupon | NotFoundError | CouponLimitReachedError> {
    const template = await selectRow<TemplateRow>(tx.em, `SELECT * FROM coupon_template WHERE code = $1 AND active FOR UPDATE`, [templateCode]);
    if (!template) refuse(NotFoundError.of('Coupon template', templateCode));
    if (!(await selectRows(tx.em, `SELECT 1 FROM member WHERE id = $1 AND status = 'ACTIVE'`, [memberId])).length) refuse(NotFoundError.of('Member', memberId));
    const [{ held }] = await selectRows<{ held: number }>(
      tx.em,
      `SELECT count(*)::int AS held FROM coupon WHERE member_id = $1 AND template_code = $2 AND status <> 'VOID'`,
      [memberId, templateCode],
    );
    if (held >= template.per_member_limit) refuse(CouponLimitReachedError.of(templateCode, template.per_member_limit, 'member'));
    if (template.total_limit !== null && template.issued_count >= template.total_limit)
      refuse(CouponLimitReachedError.of(templateCode, template.total_limit, 'total'));
    const validFrom = template.valid_from && template.valid_from > new Date() ? template.valid_from : new Date();
    const validUntil = template.valid_days ? new Date(validFrom.getTime() + template.valid_days * 86_400_000) : (template.valid_until as Date);
    const id = randomUUID();
    const [row] = await selectRows<CouponRow>(
      tx.em,
      `INSERT INTO coupon (id, code, template_code, member_id, status, issued_via, campaign, valid_from, valid_until) VALUES ($1, $2, $3, $4, 'ISSUED', $5, $6, $7, $8) RETURNING *`,
      [id, couponCode(), templateCode, memberId, via, campaign ?? null, validFrom, validUntil],
    );
    await execute(tx.em, `UPDATE coupon_template SET issued_count = issued_count + 1 WHERE code = $1`, [templateCode]);
    tx.emit(CouponIssued, { couponId: id, memberId, templateCode, ...(campaign ? { campaign } : {}) });
    return toCoupon(row);
  }

  /** A campaign coupon for every member of a segment, each within the template's limits; answers how many were issued. */
  async issueToSegment(ctx: RequestContext, segmentCode: string, templateCode: string, campaign: string): Promise<number> {
    const members = await this.unitOfWork.run(ctx, (tx) =>
      selectRows<{ member_id: string }>(tx.em, `SELECT member_id FROM segment_member WHERE segment_code = $1`, [segmentCode]),
    );
    let issued = 0;
    for (const { member_id } of members) {
      // Each member in a transaction of their own: one refused (limit reached, member gone) does not undo the others.
      const result = await this.issue(ctx, member_id, templateCode, 'CAMPAIGN', campaign);
      if (result instanceof Coupon) issued += 1;
    }
    return issued;
  }

  /** Binds a coupon to one order; the same coupon on the same order again answers as before. */
  redeem(
    ctx: RequestContext,
    input: RedeemCouponInput,
  ): Promise<Coupon | NotFoundError | CouponExpiredError | CouponNotOwnedError | CouponAlreadyUsedError | CouponMinimumSpendError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const coupon = await selectRow<CouponRow>(tx.em, `SELECT * FROM coupon WHERE code = $1 FOR UPDATE`, [input.couponCode]);
      if (!coupon) refuse(NotFoundError.of('Coupon', input.couponCode));
      // A member must not learn that someone else's code exists: only staff hear that it is owned by another.
      if (coupon.member_id !== input.memberId) refuse(ctx.isStaff ? CouponNotOwnedError.of(input.couponCode) : NotFoundError.of('Coupon', input.couponCode));
      if (coupon.status === CouponStatus.REDEEMED && coupon.redeemed_channel === input.channel && coupon.redeemed_order_id === input.orderId)
        return toCoupon(coupon);
      if (coupon.status !== CouponStatus.ISSUED) refuse(CouponAlreadyUsedError.of(input.couponCode, coupon.status, coupon.redeemed_order_id));
      if (coupon.valid_until <= new Date()) refuse(CouponExpiredError.of(input.couponCode, coupon.valid_until));
      const [template] = await selectRows<{ min_spend_fen: number }>(tx.em, `SELECT min_spend_fen FROM coupon_template WHERE code = $1`, [
        coupon.template_code,
      ]);
      if (input.orderAmountFen < template.min_spend_fen) refuse(CouponMinimumSpendError.of(input.couponCode, template.min_spend_fen, input.orderAmountFen));
      const [row] = await selectRows<CouponRow>(
        tx.em,
        `WITH redeemed AS (UPDATE coupon SET status = 'REDEEMED', redeemed_channel = $2, redeemed_order_id = $3, redeemed_at = now() WHERE id = $1 RETURNING *) SELECT * FROM redeemed`,
        [coupon.id, input.channel, input.orderId],
      );
      tx.emit(CouponRedeemed, {
        couponId: coupon.id,
        memberId: coupon.member_id,
        templateCode: coupon.template_code,
        channel: input.channel,
        orderId: input.orderId,
      });
      return toCoupon(row);
    });
  }

  /** A cancelled order gives its coupons back, if they are still valid. */
  async returnForOrder(tx: TransactionContext, channel: string, orderId: string): Promise<void> {
    await execute(
      tx.em,
      `UPDATE coupon SET status = CASE WHEN valid_until > now() THEN 'ISSUED' ELSE 'EXPIRED' END, redeemed_channel = NULL, redeemed_order_id = NULL, redeemed_at = NULL
        WHERE redeemed_channel = $1 AND redeemed_order_id = $2 AND status = 'REDEEMED'`,
      [channel, orderId],
    );
  }

  async couponsOf(memberIds: readonly string[], status?: CouponStatus): Promise<Coupon[]> {
    const rows = await selectRows<CouponRow>(
      this.dataSource,
      `SELECT * FROM coupon WHERE member_id = ANY($1::uuid[]) AND ($2::text IS NULL OR status = $2) ORDER BY issued_at DESC`,
      [memberIds, status ?? null],
    );
    return rows.map(toCoupon);
  }

  /** Daily: issued coupons past their validity expire. */
  @Scheduled({ name: 'membership.coupon-expiry', cron: '5 0 * * *' })
  async expireCoupons(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, (tx) => execute(tx.em, `UPDATE coupon SET status = 'EXPIRED' WHERE status = 'ISSUED' AND valid_until <= now()`));
  }
}

interface TemplateRow {
  code: string;
  name: string;
  kind: string;
  amount_off_fen: number | null;
  percent_off: number | null;
  min_spend_fen: number;
  valid_days: number | null;
  valid_from: Date | null;
  valid_until: Date | null;
  per_member_limit: number;
  total_limit: number | null;
  issued_count: number;
  active: boolean;
}

function toTemplate(r: TemplateRow): CouponTemplate {
  return Object.assign(new CouponTemplate(), {
    code: r.code,
    name: r.name,
    kind: r.kind,
    amountOffFen: r.amount_off_fen,
    percentOff: r.percent_off,
    minSpendFen: r.min_spend_fen,
    validDays: r.valid_days,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    perMemberLimit: r.per_member_limit,
    totalLimit: r.total_limit,
    issuedCount: r.issued_count,
    active: r.active,
  });
}
