import { Injectable } from '@nestjs/common';
import { execute, invalidField, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CouponsService } from '../coupons/coupons.service';
import { PointsLedger } from '../points/points-ledger';
import { InsufficientPointsError } from '../points/points.model';
import { Reward, RewardRedemption, RewardUnavailableError, type RedeemRewardInput, type RewardInput } from './reward.model';

interface RewardRow {
  code: string;
  name: string;
  points_cost: number;
  stock: number;
  per_member_limit: number;
  coupon_template_code: string | null;
  active: boolean;
}

interface RedemptionRow {
  id: string;
  reward_code: string;
  member_id: string;
  points: number;
  coupon_id: string | null;
  redeemed_at: Date;
}

const toReward = (r: RewardRow): Reward =>
  Object.assign(new Reward(), {
    code: r.code,
    name: r.name,
    pointsCost: r.points_cost,
    stock: r.stock,
    perMemberLimit: r.per_member_limit,
    couponTemplateCode: r.coupon_template_code,
    active: r.active,
  });

/** The points mall: rewards with their own stock and per-member limits, paid for with points. */
@Injectable()
export class RewardsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly ledger: PointsLedger,
    private readonly coupons: CouponsService,
  ) {}

  upsert(ctx: RequestContext, input: RewardInput): Promise<Reward | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      if (input.couponTemplateCode && !(await selectRows(tx.em, `SELECT 1 FROM coupon_template WHERE code = $1`, [input.couponTemplateCode])).length) {
        refuse(NotFoundError.of('Coupon template', input.couponTemplateCode));
      }
      const [row] = await selectRows<RewardRow>(
        tx.em,
        `INSERT INTO reward (code, name, points_cost, stock, per_member_limit, coupon_template_code, active) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, points_cost = EXCLUDED.points_cost, stock = EXCLUDED.stock,
           per_member_limit = EXCLUDED.per_member_limit, coupon_template_code = EXCLUDED.coupon_template_code, active = EXCLUDED.active RETURNING *`,
        [input.code, input.name, input.pointsCost, input.stock, input.perMemberLimit, input.couponTemplateCode ?? null, input.active],
      );
      return toReward(row);
    });
  }

  async list(): Promise<Reward[]> {
    return (await selectRows<RewardRow>(this.dataSource, `SELECT * FROM reward WHERE active ORDER BY points_cost, code`)).map(toReward);
  }

  /** Stock, limit and points are checked and taken in one transaction; a retried key answers as before. */
  redeem(ctx: RequestContext, input: RedeemRewardInput): Promise<RewardRedemption | NotFoundError | InsufficientPointsError | RewardUnavailableError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const done = await selectRow<RedemptionRow>(tx.em, `SELECT * FROM reward_redemption WHERE idempotency_key = $1`, [input.idempotencyKey]);
      // Another member's key is no replay: answering it would show their redemption.
      if (done && done.member_id !== input.memberId) throw invalidField('idempotencyKey', 'is already used by another operation: use a new key');
      if (done) return toRedemption(done);
      const reward = await selectRow<RewardRow>(tx.em, `SELECT * FROM reward WHERE code = $1 FOR UPDATE`, [input.rewardCode]);
      if (!reward) refuse(NotFoundError.of('Reward', input.rewardCode));
      if (!reward.active) refuse(RewardUnavailableError.of(input.rewardCode, 'inactive'));
      if (reward.stock <= 0) refuse(RewardUnavailableError.of(input.rewardCode, 'out of stock'));
      const [{ taken }] = await selectRows<{ taken: number }>(
        tx.em,
        `SELECT count(*)::int AS taken FROM reward_redemption WHERE member_id = $1 AND reward_code = $2`,
        [input.memberId, input.rewardCode],
      );
      if (taken >= reward.per_member_limit) refuse(RewardUnavailableError.of(input.rewardCode, 'limit reached'));
      const member = await selectRow(tx.em, `SELECT 1 FROM member WHERE id = $1 AND status = 'ACTIVE'`, [input.memberId]);
      if (!member) refuse(NotFoundError.of('Member', input.memberId));
      const spent = await this.ledger.spend(tx, {
        memberId: input.memberId,
        key: `reward:${input.idempotencyKey}`,
        points: reward.points_cost,
        source: `reward ${reward.code}`,
      });
      if (!spent.spent) refuse(InsufficientPointsError.of(spent.balance, reward.points_cost));
      await execute(tx.em, `UPDATE reward SET stock = stock - 1 WHERE code = $1`, [reward.code]);
      const coupon = reward.coupon_template_code ? await this.coupons.issueIn(tx, input.memberId, reward.coupon_template_code, 'POINTS') : undefined;
      const [row] = await selectRows<RedemptionRow>(
        tx.em,
        `INSERT INTO reward_redemption (id, reward_code, member_id, points, idempotency_key, coupon_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [randomUUID(), reward.code, input.memberId, reward.points_cost, input.idempotencyKey, coupon && 'id' in coupon ? coupon.id : null],
      );
      return toRedemption(row);
    });
  }
}

function toRedemption(r: RedemptionRow): RewardRedemption {
  return Object.assign(new RewardRedemption(), {
    id: r.id,
    rewardCode: r.reward_code,
    memberId: r.member_id,
    points: r.points,
    couponId: r.coupon_id,
    redeemedAt: r.redeemed_at,
  });
}
