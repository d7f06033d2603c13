import { Inject, Injectable } from '@nestjs/common';
import { execute, invalidField, Scheduled, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { storedRule, toSegmentView, type SegmentRuleDefinition, type SegmentView } from './segment.model';
import { FIXED_CUTOFFS, matchesRule, ruleProblem, scoreMember, usableCutoffs, type RfmCutoffs, type SegmentRule } from './rfm';

interface FactsRow {
  member_id: string;
  recency_days: number | null;
  frequency: number;
  monetary_fen: string;
  first_order_days: number | null;
  coupon_orders: number;
  review_count: number;
  dormant: boolean;
  tier_code: string;
  community_level: string;
  interaction_score: number;
  product_views: number;
  tracked_purchases: number;
  impulse_purchases: number;
  styles: Array<{ tag: string; weight: number }>;
}

const CHUNK = 1000;

/**
 * RFM scores, behaviour tags and rule-based segments. Cut-offs are recomputed nightly from the
 * whole base; members are rescored nightly in chunks and, between nights, as soon as something
 * about them changes (a dirty mark from orders and interactions), one member at a time.
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  /** Quintiles over members who bought in the last year; degenerate metrics fall back to fixed cut-offs. */
  async recomputeCutoffs(tx: TransactionContext): Promise<RfmCutoffs> {
    const [row] = await selectRows<{ recency: number[] | null; frequency: number[] | null; monetary: number[] | null; members: number }>(
      tx.em,
      `WITH facts AS (
         SELECT member_id, extract(day FROM now() - max(paid_at))::int AS recency, count(*) AS frequency, sum(total_fen - refunded_fen) AS monetary
           FROM member_order WHERE member_id IS NOT NULL AND paid_at > now() - interval '365 days' AND NOT cancelled GROUP BY member_id)
       SELECT percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY recency) AS recency,
              percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY frequency) AS frequency,
              percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY monetary) AS monetary,
              count(*)::int AS members
         FROM facts`,
    );
    const enough = row.members >= 20;
    const cutoffs: RfmCutoffs = {
      recency: usableCutoffs(enough ? row.recency?.map(Number) : undefined, FIXED_CUTOFFS.recency),
      frequency: usableCutoffs(enough ? row.frequency?.map(Number) : undefined, FIXED_CUTOFFS.frequency),
      monetary: usableCutoffs(enough ? row.monetary?.map(Number) : undefined, FIXED_CUTOFFS.monetary),
    };
    for (const metric of ['recency', 'frequency', 'monetary'] as const) {
      await execute(
        tx.em,
        `INSERT INTO rfm_cutoffs (metric, cutoffs) VALUES ($1, $2::numeric[]) ON CONFLICT (metric) DO UPDATE SET cutoffs = EXCLUDED.cutoffs, computed_at = now()`,
        [metric, cutoffs[metric]],
      );
    }
    return cutoffs;
  }

  /** Rescores the given members and refreshes their segment memberships. */
  async rescore(tx: TransactionContext, memberIds: readonly string[]): Promise<void> {
    if (memberIds.length === 0) return;
    // The members' rows first, in id order as the order and activity handlers take them: a change
    // committing meanwhile is either read below or marks the member dirty again after this
    // commits, never lost by the DELETE from rfm_dirty at the end.
    await execute(tx.em, `SELECT id FROM member WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [memberIds]);
    const cutoffs = await this.cutoffs(tx);
    const facts = await selectRows<FactsRow>(
      tx.em,
      `SELECT m.id AS member_id, extract(day FROM now() - max(o.paid_at))::int AS recency_days,
              count(o.paid_at) FILTER (WHERE NOT o.cancelled AND o.paid_at > now() - interval '365 days')::int AS frequency,
              coalesce(sum(o.total_fen - o.refunded_fen) FILTER (WHERE NOT o.cancelled AND o.paid_at > now() - interval '365 days'), 0) AS monetary_fen,
              extract(day FROM now() - min(o.paid_at))::int AS first_order_days,
              (SELECT count(DISTINCT c.redeemed_order_id) FROM coupon c WHERE c.member_id = m.id AND c.status = 'REDEEMED')::int AS coupon_orders,
              m.review_count, m.dormant_since IS NOT NULL AS dormant, m.tier_code, m.community_level, m.interaction_score, m.product_views,
              m.tracked_purchases, m.impulse_purchases,
              (SELECT coalesce(json_agg(json_build_object('tag', s.tag, 'weight', s.weight)), '[]') FROM member_style s WHERE s.member_id = m.id) AS styles
         FROM member m LEFT JOIN member_order o ON o.member_id = m.id AND o.paid_at IS NOT NULL
        WHERE m.id = ANY($1::uuid[]) AND m.status = 'ACTIVE' GROUP BY m.id`,
      [memberIds],
    );
    const segments = await selectRows<{ code: string; rule: SegmentRule }>(tx.em, `SELECT code, rule FROM segment`);
    const scored = facts.map((f) => {
      const score = scoreMember(
        {
          recencyDays: f.recency_days,
          frequency: f.frequency,
          monetaryFen: Number(f.monetary_fen),
          firstOrderDays: f.first_order_days,
          couponOrders: f.coupon_orders,
          reviewCount: f.review_count,
          dormant: f.dormant,
          productViews: f.product_views,
          interactionScore: f.interaction_score,
          trackedPurchases: f.tracked_purchases,
          impulsePurchases: f.impulse_purchases,
          styleWeights: f.styles,
        },
        cutoffs,
        this.config,
      );
      const subject = {
        ...score,
        recencyDays: f.recency_days,
        frequency: f.frequency,
        monetaryFen: Number(f.monetary_fen),
        tier: f.tier_code,
        communityLevel: f.community_level,
        interactionScore: f.interaction_score,
        stage: score.stage,
      };
      return { f, score, segments: segments.filter((s) => matchesRule(s.rule, subject)).map((s) => s.code) };
    });
    await execute(
      tx.em,
      `INSERT INTO member_rfm (member_id, recency_days, frequency, monetary_fen, r, f, m, tags, stage)
       SELECT member_id, recency_days, frequency, monetary_fen, r, f, m, string_to_array(tags, ','), stage
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::bigint[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[])
           AS t(member_id, recency_days, frequency, monetary_fen, r, f, m, tags, stage)
       ON CONFLICT (member_id) DO UPDATE SET recency_days = EXCLUDED.recency_days, frequency = EXCLUDED.frequency, monetary_fen = EXCLUDED.monetary_fen,
         r = EXCLUDED.r, f = EXCLUDED.f, m = EXCLUDED.m, tags = EXCLUDED.tags, stage = EXCLUDED.stage, computed_at = now()`,
      [
        scored.map((s) => s.f.member_id),
        scored.map((s) => s.f.recency_days),
        scored.map((s) => s.f.frequency),
        scored.map((s) => s.f.monetary_fen),
        scored.map((s) => s.score.r),
        scored.map((s) => s.score.f),
        scored.map((s) => s.score.m),
        scored.map((s) => s.score.tags.join(',')),
        scored.map((s) => s.score.stage),
      ],
    );
    await execute(tx.em, `DELETE FROM segment_member WHERE member_id = ANY($1::uuid[])`, [memberIds]);
    const rows = scored.flatMap((s) => s.segments.map((code) => [code, s.f.member_id]));
    if (rows.length) {
      await execute(tx.em, `INSERT INTO segment_member (segment_code, member_id) SELECT * FROM unnest($1::text[], $2::uuid[])`, [
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
      ]);
    }
    await execute(tx.em, `DELETE FROM rfm_dirty WHERE member_id = ANY($1::uuid[])`, [memberIds]);
  }

  /** Every few minutes: members whose orders or interactions changed since their last score. */
  @Scheduled({ name: 'membership.rescore-changed', cron: '*/5 * * * *' })
  async rescoreChanged(ctx: RequestContext): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.unitOfWork.run(ctx, async (tx) => {
        const dirty = await selectRows<{ member_id: string }>(tx.em, `SELECT member_id FROM rfm_dirty ORDER BY marked_at LIMIT $1 FOR UPDATE SKIP LOCKED`, [
          CHUNK,
        ]);
        await this.rescore(
          tx,
          dirty.map((d) => d.member_id),
        );
        return dirty.length;
      });
      total += done;
      if (done < CHUNK) return total;
    }
  }

  /** Nightly: fresh cut-offs, then every active member in chunks (recency moves for everyone). */
  @Scheduled({ name: 'membership.rfm-nightly', cron: '40 2 * * *' })
  async rescoreEveryone(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, (tx) => this.recomputeCutoffs(tx));
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await selectRows<{ id: string }>(this.dataSource, `SELECT id FROM member WHERE status = 'ACTIVE' AND id > $1 ORDER BY id LIMIT $2`, [
        after,
        CHUNK,
      ]);
      if (ids.length === 0) return;
      await this.unitOfWork.run(ctx, (tx) =>
        this.rescore(
          tx,
          ids.map((r) => r.id),
        ),
      );
      after = ids[ids.length - 1].id;
    }
  }

  async defineSegment(ctx: RequestContext, code: string, name: string, definition: SegmentRuleDefinition): Promise<SegmentView> {
    const stored = storedRule(definition);
    if ('problem' in stored) throw invalidField('rule', stored.problem);
    const { rule } = stored;
    const problem = ruleProblem(rule);
    if (problem) throw invalidField('rule', problem);
    await this.unitOfWork.run(ctx, (tx) =>
      execute(tx.em, `INSERT INTO segment (code, name, rule) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, rule = EXCLUDED.rule`, [
        code,
        name,
        JSON.stringify(rule),
      ]),
    );
    // Membership of a new or changed segment: every scored member is checked against it.
    await execute(this.dataSource, `INSERT INTO rfm_dirty (member_id) SELECT member_id FROM member_rfm ON CONFLICT DO NOTHING`);
    await this.rescoreChanged(ctx);
    const [{ n }] = await selectRows<{ n: number }>(this.dataSource, `SELECT count(*)::int AS n FROM segment_member WHERE segment_code = $1`, [code]);
    return toSegmentView({ code, name, rule, members: n });
  }

  private async cutoffs(tx: TransactionContext): Promise<RfmCutoffs> {
    const rows = await selectRows<{ metric: string; cutoffs: string[] }>(tx.em, `SELECT metric, cutoffs FROM rfm_cutoffs`);
    const of = (metric: string, fallback: readonly number[]) => rows.find((r) => r.metric === metric)?.cutoffs.map(Number) ?? fallback;
    return {
      recency: of('recency', FIXED_CUTOFFS.recency),
      frequency: of('frequency', FIXED_CUTOFFS.frequency),
      monetary: of('monetary', FIXED_CUTOFFS.monetary),
    };
  }
}
