import { Inject, Injectable } from '@nestjs/common';
import { TrackedEventsReceived, type EventEnvelope, type TrackedEventsReceivedPayload } from '@shopops/contracts';
import { execute, OnEventBatch, type TransactionContext } from '@shopops/platform';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { productSignal, recordProductSignals, type ProductSignal } from '../segments/behaviour-signals';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signed-in browsing counts as activity: a member who visits is not dormant (and a dormant one
 * who comes back ends the episode), even before buying again. Their cart is kept too: what they
 * added and have not ordered since is an abandoned cart to remind them of. What they view, add and
 * order feeds their style and impulse-buyer tags.
 */
@Injectable()
export class SiteActivityHandler {
  constructor(@Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig) {}

  @OnEventBatch(TrackedEventsReceived)
  async recordVisits(tx: TransactionContext, batches: Array<EventEnvelope<TrackedEventsReceivedPayload>>): Promise<void> {
    const latest = new Map<string, number>();
    const carts: Array<{ memberId: string; skuCode: string; at: string }> = [];
    const ordered = new Map<string, number>();
    const views = new Map<string, number>();
    const signals: ProductSignal[] = [];
    for (const batch of batches) {
      for (const e of batch.payload.events) {
        if (!e.memberId || !UUID.test(e.memberId)) continue;
        const signal = productSignal(e, e.memberId);
        if (signal) signals.push(signal);
        latest.set(e.memberId, Math.max(latest.get(e.memberId) ?? 0, Date.parse(e.occurredAt)));
        if (e.type === 'add_to_cart' && e.skuCode) carts.push({ memberId: e.memberId, skuCode: e.skuCode, at: e.occurredAt });
        if (e.type === 'product_view') views.set(e.memberId, (views.get(e.memberId) ?? 0) + 1);
        if (e.type === 'order' || e.type === 'payment') ordered.set(e.memberId, Math.max(ordered.get(e.memberId) ?? 0, Date.parse(e.occurredAt)));
      }
    }
    if (!latest.size) return;
    // Members in id order before any write, as rescoring takes them: neither waits on the other crosswise.
    await execute(tx.em, `SELECT id FROM member WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...latest.keys()]]);
    await this.recordCarts(tx, carts, ordered);
    await recordProductSignals(tx, signals, this.config.impulseMinutes);
    if (views.size) {
      // Views feed the browser tag and the engage stage: the members are rescored.
      await execute(tx.em, `UPDATE member m SET product_views = m.product_views + v.n FROM unnest($1::uuid[], $2::int[]) AS v(id, n) WHERE m.id = v.id`, [
        [...views.keys()],
        [...views.values()],
      ]);
      await execute(tx.em, `INSERT INTO rfm_dirty (member_id) SELECT id FROM member WHERE id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`, [[...views.keys()]]);
    }
    await execute(
      tx.em,
      `UPDATE member m SET last_interaction_at = greatest(m.last_interaction_at, v.at), dormant_since = CASE WHEN v.at > m.dormant_since THEN NULL ELSE m.dormant_since END, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE m.id = v.id AND m.status = 'ACTIVE'`,
      [[...latest.keys()], [...latest.values()].map((t) => new Date(t).toISOString())],
    );
  }

  /** Cart additions in, and what an order placed afterwards settles out (a late addition stays). */
  private async recordCarts(
    tx: TransactionContext,
    carts: Array<{ memberId: string; skuCode: string; at: string }>,
    ordered: Map<string, number>,
  ): Promise<void> {
    if (carts.length) {
      await execute(
        tx.em,
        `INSERT INTO member_cart (member_id, sku_code, added_at) SELECT m, s, max(a) FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS c(m, s, a)
          WHERE EXISTS (SELECT 1 FROM member WHERE id = c.m) GROUP BY m, s
         ON CONFLICT (member_id, sku_code) DO UPDATE SET added_at = greatest(member_cart.added_at, EXCLUDED.added_at)`,
        [carts.map((c) => c.memberId), carts.map((c) => c.skuCode), carts.map((c) => c.at)],
      );
    }
    if (ordered.size) {
      await execute(tx.em, `DELETE FROM member_cart c USING unnest($1::uuid[], $2::timestamptz[]) AS o(m, at) WHERE c.member_id = o.m AND c.added_at <= o.at`, [
        [...ordered.keys()],
        [...ordered.values()].map((t) => new Date(t).toISOString()),
      ]);
    }
  }
}
