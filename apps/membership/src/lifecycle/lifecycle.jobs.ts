import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AbandonedCartReminder, BirthdayGreeting, MemberDormant, PointsExpiring, RepurchaseReminder } from '@shopops/contracts';
import { execute, rootLogger, Scheduled, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { CouponsService } from '../coupons/coupons.service';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { PointsLedger } from '../points/points-ledger';

const BATCH = 500;

/** Members with at least one contact channel they consented to, and those channels: nobody else is sent a message. */
const CONSENTED = `consented AS (SELECT member_id, array_agg(channel ORDER BY channel) AS channels FROM consent WHERE granted GROUP BY member_id)`;

/**
 * The member lifecycle's timers, each run by the workers on a schedule, each acting on the
 * members it concerns (never recomputing everyone), each emitting an event for outbound messaging.
 */
@Injectable()
export class LifecycleJobs {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: PointsLedger,
    private readonly coupons: CouponsService,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  /** Pending points whose return window has passed become spendable. */
  @Scheduled({ name: 'membership.points-maturity', cron: '*/10 * * * *' })
  async maturePoints(ctx: RequestContext): Promise<void> {
    while ((await this.unitOfWork.run(ctx, (tx) => this.ledger.matureDue(tx, BATCH))) === BATCH);
  }

  /** Expired lots lose their points; lots expiring soon get a notice first, once. */
  @Scheduled({ name: 'membership.points-expiry', cron: '20 0 * * *' })
  async expirePoints(ctx: RequestContext): Promise<void> {
    while ((await this.unitOfWork.run(ctx, (tx) => this.ledger.expireDue(tx, BATCH))) === BATCH);
    await this.unitOfWork.run(ctx, async (tx) => {
      const soon = await selectRows<{ member_id: string; points: number; expires_at: Date; channels: string[] }>(
        tx.em,
        `WITH noticed AS (
           UPDATE points_lot SET expiry_noticed_at = now()
            WHERE status = 'ACTIVE' AND remaining > 0 AND expiry_noticed_at IS NULL AND expires_at <= now() + ($1::int * interval '1 day')
            RETURNING member_id, remaining, expires_at),
         ${CONSENTED}
         SELECT n.member_id, sum(n.remaining)::int AS points, min(n.expires_at) AS expires_at, c.channels
           FROM noticed n JOIN consented c USING (member_id) GROUP BY n.member_id, c.channels`,
        [this.config.expiryNoticeDays],
      );
      for (const m of soon)
        tx.emit(PointsExpiring, {
          memberId: m.member_id,
          kind: 'points-expiring',
          points: m.points,
          expiresAt: m.expires_at.toISOString(),
          channels: m.channels,
        });
    });
  }

  /**
   * Members quiet for 90 days become dormant: a care plan starts and a win-back coupon is issued
   * at once, once per dormancy episode (acting again ends the episode) — except for a random
   * hold-out, against which analytics measures what the coupon brings back.
   */
  @Scheduled({ name: 'membership.dormancy', cron: '0 * * * *' })
  async detectDormancy(ctx: RequestContext): Promise<void> {
    for (;;) {
      const found = await this.unitOfWork.run(ctx, async (tx) => {
        const dormant = await selectRows<{ id: string; last_interaction_at: Date; dormant_since: Date }>(
          tx.em,
          `WITH found AS (
             SELECT id FROM member WHERE status = 'ACTIVE' AND dormant_since IS NULL AND last_interaction_at < now() - ($1::int * interval '1 day')
              LIMIT $2 FOR UPDATE SKIP LOCKED),
           marked AS (UPDATE member m SET dormant_since = now() FROM found WHERE m.id = found.id RETURNING m.id, m.last_interaction_at, m.dormant_since)
           SELECT * FROM marked`,
          [this.config.dormantAfterDays, BATCH],
        );
        for (const member of dormant) {
          const arm = winBackArm(member.id, member.dormant_since, this.config.winBackHoldoutPercent);
          tx.emit(MemberDormant, {
            memberId: member.id,
            lastInteractionAt: member.last_interaction_at.toISOString(),
            winBackArm: arm,
            holdoutPercent: this.config.winBackHoldoutPercent,
          });
          const coupon =
            arm === 'coupon'
              ? await this.coupons.issueIn(tx, member.id, this.config.winBackCouponTemplate, 'AUTOMATIC', 'win-back').catch((error: unknown) => {
                  rootLogger().warn({ err: error, memberId: member.id }, 'win-back coupon not issued');
                  return undefined;
                })
              : undefined;
          await execute(tx.em, `INSERT INTO care_plan (member_id, dormant_since, coupon_id, arm) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
            member.id,
            member.dormant_since,
            coupon && 'id' in coupon ? coupon.id : null,
            arm,
          ]);
        }
        return dormant.length;
      });
      if (found < BATCH) return;
    }
  }

  /** On the first of their birthday month (Shanghai), members who consented to a channel get a greeting there (double points need no message). */
  @Scheduled({ name: 'membership.birthday-greetings', cron: '0 9 * * *' })
  async greetBirthdays(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, async (tx) => {
      const greeted = await selectRows<{ member_id: string; channels: string[] }>(
        tx.em,
        `WITH ${CONSENTED},
         due AS (
           SELECT m.id, c.channels FROM member m JOIN consented c ON c.member_id = m.id
            WHERE m.status = 'ACTIVE' AND m.birthday_month = extract(month FROM now() AT TIME ZONE 'Asia/Shanghai')),
         sent AS (
           INSERT INTO lifecycle_notice (member_id, kind, period) SELECT id, 'birthday', to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') FROM due
           ON CONFLICT DO NOTHING RETURNING member_id)
         SELECT sent.member_id, due.channels FROM sent JOIN due ON due.id = sent.member_id`,
      );
      for (const m of greeted) tx.emit(BirthdayGreeting, { memberId: m.member_id, kind: 'birthday', channels: m.channels });
    });
  }

  /** Members whose last paid order was N days ago get one reminder for that order, on the channels they consented to. */
  @Scheduled({ name: 'membership.repurchase-reminders', cron: '30 10 * * *' })
  async remindRepurchase(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, async (tx) => {
      const due = await selectRows<{ member_id: string; last_paid: Date; channels: string[] }>(
        tx.em,
        `WITH last AS (
           SELECT member_id, max(paid_at) AS last_paid FROM member_order WHERE member_id IS NOT NULL AND paid_at IS NOT NULL AND NOT cancelled GROUP BY member_id),
         ${CONSENTED},
         due AS (SELECT member_id, last_paid, c.channels FROM last JOIN consented c USING (member_id)
                  WHERE last_paid < now() - ($1::int * interval '1 day') AND last_paid > now() - ($1::int * interval '1 day') - interval '30 days'),
         sent AS (
           INSERT INTO lifecycle_notice (member_id, kind, period) SELECT member_id, 'repurchase', to_char(last_paid, 'YYYY-MM-DD"T"HH24:MI:SS') FROM due
           ON CONFLICT DO NOTHING RETURNING member_id, period)
         SELECT sent.member_id, due.last_paid, due.channels FROM sent JOIN due USING (member_id)`,
        [this.config.repurchaseReminderDays],
      );
      for (const m of due)
        tx.emit(RepurchaseReminder, { memberId: m.member_id, kind: 'repurchase', lastOrderAt: m.last_paid.toISOString(), channels: m.channels });
    });
  }

  /**
   * A cart left `abandonedCartHours` without an order gets one reminder, on the channels the
   * member consented to, naming what is in it; a cart older than a week is let go.
   */
  @Scheduled({ name: 'membership.abandoned-carts', cron: '*/15 * * * *' })
  async remindAbandonedCarts(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, async (tx) => {
      const due = await selectRows<{ member_id: string; sku_codes: string[]; channels: string[] }>(
        tx.em,
        `WITH ${CONSENTED},
         carts AS (
           SELECT c.member_id, array_agg(c.sku_code ORDER BY c.sku_code) AS sku_codes, max(c.added_at) AS last_added
             FROM member_cart c JOIN member m ON m.id = c.member_id AND m.status = 'ACTIVE' GROUP BY c.member_id),
         due AS (
           SELECT carts.*, consented.channels FROM carts JOIN consented USING (member_id)
            WHERE last_added < now() - ($1::int * interval '1 hour') AND last_added > now() - interval '7 days'),
         sent AS (
           INSERT INTO lifecycle_notice (member_id, kind, period) SELECT member_id, 'abandoned-cart', to_char(last_added, 'YYYY-MM-DD"T"HH24:MI:SS.US') FROM due
           ON CONFLICT DO NOTHING RETURNING member_id)
         SELECT due.member_id, due.sku_codes, due.channels FROM sent JOIN due USING (member_id)`,
        [this.config.abandonedCartHours],
      );
      for (const m of due) tx.emit(AbandonedCartReminder, { memberId: m.member_id, kind: 'abandoned-cart', skuCodes: m.sku_codes, channels: m.channels });
    });
  }
}

/** Stable per member and episode: the same member is in the same arm however often this runs. */
export function winBackArm(memberId: string, episode: Date, holdoutPercent: number): 'coupon' | 'holdout' {
  const bucket = createHash('sha256').update(`win-back:${memberId}:${episode.toISOString()}`).digest().readUInt32BE(0) % 100;
  return bucket < holdoutPercent ? 'holdout' : 'coupon';
}
