import { Inject, Injectable } from '@nestjs/common';
import { TierChanged } from '@shopops/contracts';
import {
  execute,
  invalidField,
  Scheduled,
  selectRow,
  selectRows,
  UnitOfWork,
  type Queryable,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { DataSource } from 'typeorm';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { decideTier, TierScheme, type MemberStanding, type TierDefinition } from './tier-scheme';

export interface TierChange {
  readonly memberId: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/** Tiers by the active scheme: upgrades at once, downgrades at review dates, lifetime locks. */
@Injectable()
export class TiersService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  /** The scheme in force; inside a transaction, as that transaction sees it. */
  async activeScheme(db: Queryable = this.dataSource): Promise<TierScheme> {
    const [row] = await selectRows<{ definition: TierScheme }>(db, `SELECT definition FROM tier_scheme WHERE active`);
    return row.definition;
  }

  tierOf(scheme: TierScheme, code: string): TierDefinition {
    return scheme.tiers.find((t) => t.code === code) ?? [...scheme.tiers].sort((a, b) => a.rank - b.rank)[0];
  }

  /** Rolling 12-month spend net of refunds, and the interaction score. */
  async standing(db: Queryable, memberId: string): Promise<MemberStanding> {
    const [row] = await selectRows<{ spend: number; score: number }>(
      db,
      `SELECT coalesce(sum(greatest(o.total_fen - o.refunded_fen, 0)) FILTER (WHERE NOT o.cancelled AND o.paid_at > now() - interval '12 months'), 0)::int AS spend,
              (SELECT interaction_score FROM member WHERE id = $1) AS score
         FROM member_order o WHERE o.member_id = $1`,
      [memberId],
    );
    return { spendFen: row.spend, score: row.score ?? 0 };
  }

  /** Re-evaluates one member after something changed (an order, a refund, an interaction, a review date). */
  async evaluate(tx: TransactionContext, memberId: string, reason: string): Promise<void> {
    const member = await selectRow<{ tier_code: string; lifetime_tier: boolean; tier_review_at: Date; status: string }>(
      tx.em,
      `SELECT tier_code, lifetime_tier, tier_review_at, status FROM member WHERE id = $1 FOR UPDATE`,
      [memberId],
    );
    if (!member || member.status !== 'ACTIVE') return;
    const scheme = await this.activeScheme(tx.em);
    const decision = decideTier(
      scheme,
      { code: member.tier_code, lifetime: member.lifetime_tier, reviewAt: member.tier_review_at },
      await this.standing(tx.em, memberId),
      new Date(),
      this.config.downgradeGraceDays,
    );
    if (decision.change === 'none') {
      if (!member.lifetime_tier && member.tier_review_at.getTime() + this.config.downgradeGraceDays * 86_400_000 <= Date.now()) {
        await execute(tx.em, `UPDATE member SET tier_review_at = now() + ($2::int * interval '1 month') WHERE id = $1`, [memberId, scheme.reviewMonths]);
      }
      return;
    }
    await this.setTier(tx, memberId, member.tier_code, decision.to.code, `${decision.change}: ${reason}`, scheme.reviewMonths, false);
  }

  /**
   * What evaluate writes, for many members at once (decided by the caller with decideTier on the
   * same standing): each change in tier_history with its TierChanged event, and each member's
   * last tier and renewed review date in one statement.
   */
  async applyDecisions(tx: TransactionContext, changes: readonly TierChange[], renewed: readonly string[], reviewMonths: number): Promise<void> {
    const finalTier = new Map<string, string | null>(renewed.map((id) => [id, null]));
    for (const change of changes) finalTier.set(change.memberId, change.to);
    if (finalTier.size === 0) return;
    await execute(
      tx.em,
      `UPDATE member m SET tier_code = coalesce(t.tier, m.tier_code), tier_since = CASE WHEN t.tier IS NULL THEN m.tier_since ELSE now() END,
              tier_review_at = now() + ($3::int * interval '1 month'), updated_at = CASE WHEN t.tier IS NULL THEN m.updated_at ELSE now() END
         FROM unnest($1::uuid[], $2::text[]) AS t(id, tier) WHERE m.id = t.id`,
      [[...finalTier.keys()], [...finalTier.values()], reviewMonths],
    );
    if (changes.length === 0) return;
    await execute(
      tx.em,
      `INSERT INTO tier_history (member_id, from_tier, to_tier, reason) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
      [changes.map((c) => c.memberId), changes.map((c) => c.from), changes.map((c) => c.to), changes.map((c) => c.reason)],
    );
    for (const c of changes) tx.emit(TierChanged, { memberId: c.memberId, fromTier: c.from, toTier: c.to, reason: c.reason });
  }

  /** Grants a tier for life: it is never reviewed or lowered again. */
  async lockLifetime(ctx: RequestContext, memberId: string, tierCode: string): Promise<void> {
    await this.unitOfWork.run(ctx, async (tx) => {
      const scheme = await this.activeScheme(tx.em);
      if (!scheme.tiers.some((t) => t.code === tierCode)) throw invalidField('tierCode', `must be one of ${scheme.tiers.map((t) => t.code).join(', ')}`);
      const [member] = await selectRows<{ tier_code: string }>(tx.em, `SELECT tier_code FROM member WHERE id = $1 FOR UPDATE`, [memberId]);
      await this.setTier(tx, memberId, member.tier_code, tierCode, `lifetime tier granted by ${ctx.identity.subject}`, scheme.reviewMonths, true);
    });
  }

  /** Replaces the active scheme; members are re-evaluated against it as they act and at review dates. */
  async setScheme(ctx: RequestContext, scheme: TierScheme): Promise<TierScheme> {
    const ranks = scheme.tiers.map((t) => t.rank);
    if (new Set(ranks).size !== ranks.length) throw invalidField('definition', 'tiers must have distinct ranks');
    return this.unitOfWork.run(ctx, async (tx) => {
      await execute(tx.em, `UPDATE tier_scheme SET active = false WHERE active`);
      await execute(
        tx.em,
        `INSERT INTO tier_scheme (code, active, definition) VALUES ($1, true, $2) ON CONFLICT (code) DO UPDATE SET active = true, definition = EXCLUDED.definition`,
        [scheme.code, JSON.stringify(scheme)],
      );
      return scheme;
    });
  }

  /** Daily: members whose review date and grace period have passed keep, lose or renew their tier. */
  @Scheduled({ name: 'membership.tier-reviews', cron: '15 3 * * *' })
  async reviewDueTiers(ctx: RequestContext): Promise<void> {
    for (;;) {
      const due = await this.unitOfWork.run(ctx, async (tx) => {
        const members = await selectRows<{ id: string }>(
          tx.em,
          `SELECT id FROM member WHERE status = 'ACTIVE' AND NOT lifetime_tier AND tier_review_at + ($1::int * interval '1 day') <= now() LIMIT 500 FOR UPDATE SKIP LOCKED`,
          [this.config.downgradeGraceDays],
        );
        for (const m of members) await this.evaluate(tx, m.id, 'annual review');
        return members.length;
      });
      if (due < 500) return;
    }
  }

  private async setTier(
    tx: TransactionContext,
    memberId: string,
    from: string,
    to: string,
    reason: string,
    reviewMonths: number,
    lifetime: boolean,
  ): Promise<void> {
    await execute(
      tx.em,
      `UPDATE member SET tier_code = $2, tier_since = now(), tier_review_at = now() + ($3::int * interval '1 month'), lifetime_tier = lifetime_tier OR $4, updated_at = now() WHERE id = $1`,
      [memberId, to, reviewMonths, lifetime],
    );
    await execute(tx.em, `INSERT INTO tier_history (member_id, from_tier, to_tier, reason) VALUES ($1, $2, $3, $4)`, [memberId, from, to, reason]);
    if (from !== to || lifetime) tx.emit(TierChanged, { memberId, fromTier: from, toTier: to, reason });
  }
}
