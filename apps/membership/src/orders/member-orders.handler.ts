import { Inject, Injectable } from '@nestjs/common';
import {
  ChannelOrderCancelled,
  ChannelOrderCompleted,
  ChannelOrderCreated,
  ChannelOrderPaid,
  ChannelOrderShipped,
  ChannelRefundCompleted,
  RefundIssued,
  type ChannelOrderPayload,
  type ChannelRefundPayload,
  type EventEnvelope,
  type RefundIssuedPayload,
} from '@shopops/contracts';
import { execute, OnEventBatch, selectRow, selectRows, type TransactionContext } from '@shopops/platform';
import { CouponsService } from '../coupons/coupons.service';
import { MembersService } from '../members/members.service';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { PointsLedger, type EarnPendingInput } from '../points/points-ledger';
import { preparedRows } from '../prepared-statements';
import { decideTier } from '../tiers/tier-scheme';
import { TiersService, type TierChange } from '../tiers/tiers.service';

interface OrderRow {
  channel: string;
  order_id: string;
  member_id: string | null;
  total_fen: number;
  paid_at: Date | null;
  completed_at: Date | null;
  cancelled: boolean;
  refunded_fen: number;
}

interface MemberRow {
  id: string;
  status: string;
  tier_code: string;
  lifetime_tier: boolean;
  tier_review_at: Date;
  birthday_month: number | null;
  interaction_score: number | null;
}

/** What a batch's events say about one order, merged as the order row merges them. */
interface OrderFacts {
  readonly channel: string;
  readonly orderId: string;
  memberId: string | null;
  totalFen: number;
  paidAt: Date | null;
  completedAt: Date | null;
}

/** The order row after the batch, with what it counted toward its member's spend before. */
type UpsertedOrder = OrderRow & { old_spend_fen: number; counts_since: Date };

/** What the order counts toward its member's rolling 12-month spend (TiersService.standing). */
const spendNow = (row: UpsertedOrder): number =>
  !row.cancelled && row.paid_at && row.paid_at > row.counts_since ? Math.max(row.total_fen - row.refunded_fen, 0) : 0;

type OrderEvent = EventEnvelope<ChannelOrderPayload | ChannelRefundPayload | RefundIssuedPayload>;

const earnKey = (channel: string, orderId: string) => `order:${channel}:${orderId}:earn`;
const orderKey = (channel: string, orderId: string) => `${channel}\u0000${orderId}`;
const isRefund = (event: OrderEvent) => event.type === ChannelRefundCompleted.type || event.type === RefundIssued.type;
/** Code-point order, the same in every process (localeCompare depends on the locale). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SHANGHAI_MS = 8 * 3600_000;

/**
 * Orders turn into points and tiers: paid → pending points (rate by tier, doubled in the
 * birthday month), completed → the return window starts, refunds and cancellations reverse
 * them. Whatever order the events arrive in, the order row collects the facts and the points
 * are reconciled to them, so the outcome equals the clean sequence. Batched for throughput.
 */
@Injectable()
export class MemberOrdersHandler {
  constructor(
    private readonly members: MembersService,
    private readonly ledger: PointsLedger,
    private readonly tiers: TiersService,
    private readonly coupons: CouponsService,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  /**
   * Locks in one order whatever the arrival order, so that concurrent batches never wait on each
   * other crosswise (a deadlock): buyers' identities sorted, then their members sorted by id, then
   * the events member by member and order by order (same-order events keep their arrival order).
   */
  @OnEventBatch(ChannelOrderCreated, ChannelOrderPaid, ChannelOrderShipped, ChannelOrderCompleted, ChannelOrderCancelled, ChannelRefundCompleted, RefundIssued)
  async applyOrderEvents(tx: TransactionContext, events: OrderEvent[]): Promise<void> {
    const memberOfEvent = await this.membersOf(tx, events);
    const memberIds = [...new Set([...memberOfEvent.values()].filter((id): id is string => id !== null))].sort(byCodePoint);
    const members = await preparedRows<MemberRow>(
      tx,
      'membership.orders.lock-members',
      `SELECT id, status, tier_code, lifetime_tier, tier_review_at, birthday_month, interaction_score FROM member WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [memberIds],
    );
    const lockKey = (event: OrderEvent) => memberOfEvent.get(event) ?? '\uffff';
    const ordered = [...events].sort(
      (a, b) => byCodePoint(lockKey(a), lockKey(b)) || byCodePoint(a.payload.channel, b.payload.channel) || byCodePoint(a.payload.orderId, b.payload.orderId),
    );
    // Facts that only add (created, paid, shipped, completed) are applied set-based; cancellations
    // and refunds reverse points one order at a time after them: the order row collects the facts
    // either way, so the outcome is the one of the clean sequence.
    const reversing = (event: OrderEvent) => isRefund(event) || event.type === ChannelOrderCancelled.type;
    const adding = ordered.filter((event) => !reversing(event));
    if (adding.length > 0) await this.applyAddingFacts(tx, adding, memberOfEvent, members);
    for (const event of ordered.filter(reversing)) await this.apply(tx, event, memberOfEvent.get(event) ?? null);
  }

  /** The member each event is about: the buyer's (created on first sight) or, for a refund, the order's if known yet. */
  private async membersOf(tx: TransactionContext, events: OrderEvent[]): Promise<Map<OrderEvent, string | null>> {
    const identityKey = (o: ChannelOrderPayload) => `${o.channel}\u0000${o.buyer.platformUserId}`;
    const buyers = events.filter((e) => !isRefund(e)).map((e) => e.payload as ChannelOrderPayload);
    const memberOfBuyer = buyers.length
      ? await this.members.membersForBuyers(
          tx,
          buyers.map((o) => ({ platform: o.channel, buyer: o.buyer })),
        )
      : new Map<string, string>();
    const refunds = events.filter(isRefund).map((e) => e.payload);
    const known = refunds.length
      ? await selectRows<{ channel: string; order_id: string; member_id: string | null }>(
          tx.em,
          `SELECT channel, order_id, member_id FROM member_order WHERE (channel, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          [refunds.map((p) => p.channel), refunds.map((p) => p.orderId)],
        )
      : [];
    const memberOfOrder = new Map(known.map((row) => [`${row.channel}\u0000${row.order_id}`, row.member_id]));
    return new Map(
      events.map((event) => [
        event,
        isRefund(event)
          ? (memberOfOrder.get(`${event.payload.channel}\u0000${event.payload.orderId}`) ?? null)
          : (memberOfBuyer.get(identityKey(event.payload as ChannelOrderPayload)) as string),
      ]),
    );
  }

  /**
   * A batch of created/paid/shipped/completed events in lock order, with one statement per table:
   * the members' last interaction, the orders' facts, the earned pending points (rate by the tier
   * the member has at that point of the sequence, which an earlier order of the batch may have
   * raised), tier changes, return windows. Same outcome as applying them one by one.
   */
  private async applyAddingFacts(
    tx: TransactionContext,
    events: OrderEvent[],
    memberOfEvent: Map<OrderEvent, string | null>,
    members: MemberRow[],
  ): Promise<void> {
    const lastInteraction = new Map<string, Date>();
    const factsOfOrder = new Map<string, OrderFacts>();
    for (const event of events) {
      const o = event.payload as ChannelOrderPayload;
      const at = new Date(o.occurredAt);
      const memberId = memberOfEvent.get(event) ?? null;
      if (memberId && !(at <= (lastInteraction.get(memberId) ?? new Date(0)))) lastInteraction.set(memberId, at);
      const key = orderKey(o.channel, o.orderId);
      const facts = factsOfOrder.get(key) ?? { channel: o.channel, orderId: o.orderId, memberId, totalFen: 0, paidAt: null, completedAt: null };
      facts.memberId ??= memberId;
      facts.totalFen = Math.max(facts.totalFen, o.totalFen);
      if (event.type === ChannelOrderPaid.type) facts.paidAt ??= at;
      if (event.type === ChannelOrderCompleted.type) facts.completedAt ??= at;
      factsOfOrder.set(key, facts);
    }
    if (lastInteraction.size > 0) {
      await preparedRows(
        tx,
        'membership.orders.interactions',
        `UPDATE member m SET last_interaction_at = greatest(m.last_interaction_at, t.at),
                dormant_since = CASE WHEN greatest(m.last_interaction_at, t.at) >= now() - $3::int * interval '1 day' THEN NULL ELSE m.dormant_since END
           FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, at) WHERE m.id = t.id`,
        [[...lastInteraction.keys()], [...lastInteraction.values()], this.config.dormantAfterDays],
      );
    }
    const orders = [...factsOfOrder.values()];
    const rows = await preparedRows<UpsertedOrder>(
      tx,
      'membership.orders.upsert-facts',
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::int[], $5::timestamptz[], $6::timestamptz[])
           AS t(channel, order_id, member_id, total_fen, paid_at, completed_at)),
       old AS (
         SELECT o.channel, o.order_id,
                CASE WHEN NOT o.cancelled AND o.paid_at > now() - interval '12 months' THEN greatest(o.total_fen - o.refunded_fen, 0) ELSE 0 END AS old_spend_fen
           FROM member_order o JOIN input i ON i.channel = o.channel AND i.order_id = o.order_id),
       upserted AS (
         INSERT INTO member_order (channel, order_id, member_id, total_fen, paid_at, completed_at)
         SELECT channel, order_id, member_id, total_fen, paid_at, completed_at FROM input
         ON CONFLICT (channel, order_id) DO UPDATE SET
           member_id = coalesce(member_order.member_id, EXCLUDED.member_id),
           total_fen = greatest(member_order.total_fen, EXCLUDED.total_fen),
           paid_at = coalesce(member_order.paid_at, EXCLUDED.paid_at),
           completed_at = coalesce(member_order.completed_at, EXCLUDED.completed_at)
         RETURNING *)
       SELECT u.*, coalesce(old.old_spend_fen, 0) AS old_spend_fen, now() - interval '12 months' AS counts_since
         FROM upserted u LEFT JOIN old ON old.channel = u.channel AND old.order_id = u.order_id`,
      [
        orders.map((f) => f.channel),
        orders.map((f) => f.orderId),
        orders.map((f) => f.memberId),
        orders.map((f) => f.totalFen),
        orders.map((f) => f.paidAt),
        orders.map((f) => f.completedAt),
      ],
    );
    const rowOf = new Map(rows.map((row) => [orderKey(row.channel, row.order_id), row]));
    const owners = [...new Set(rows.map((row) => row.member_id).filter((id): id is string => id !== null))];
    if (owners.length > 0) {
      await preparedRows(tx, 'membership.orders.rfm-dirty', `INSERT INTO rfm_dirty (member_id) SELECT * FROM unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [
        owners,
      ]);
    }
    await this.earnAll(tx, orders, rowOf, members);
    const completed = rows.filter((row) => row.completed_at);
    if (completed.length > 0) {
      await preparedRows(
        tx,
        'membership.orders.return-windows',
        `UPDATE points_lot l SET matures_at = least(l.matures_at, t.completed_at + ($3::int * interval '1 second'))
           FROM unnest($1::text[], $2::timestamptz[]) AS t(source_key, completed_at) WHERE l.source_key = t.source_key AND l.status = 'PENDING'`,
        [completed.map((row) => earnKey(row.channel, row.order_id)), completed.map((row) => row.completed_at), this.config.returnWindowSeconds],
      );
    }
    // Orders a refund or cancellation reached before these facts: their points are reconciled again.
    for (const row of rows) await this.reconcile(tx, row);
  }
  /**
   * Pending points for the batch's paid orders, once each, in lock order per member: rate by the
   * tier the member has at that point, doubled in the birthday month; each earning re-evaluates
   * the tier on the member's standing at that point (an order's spend counts from its payment on).
   */
  private async earnAll(
    tx: TransactionContext,
    orders: readonly OrderFacts[],
    rowOf: Map<string, UpsertedOrder>,
    members: readonly MemberRow[],
  ): Promise<void> {
    const candidates = orders
      .map((f) => rowOf.get(orderKey(f.channel, f.orderId)) as UpsertedOrder)
      .filter((row) => row.member_id && row.paid_at && !row.cancelled);
    if (candidates.length === 0) return;
    const owners = [...new Set(candidates.map((row) => row.member_id as string))];
    const done = await this.ledger.doneOperations(
      tx,
      candidates.map((row) => earnKey(row.channel, row.order_id)),
    );
    const spendRows = await preparedRows<{ member_id: string; spend: number }>(
      tx,
      'membership.orders.spend',
      `SELECT member_id, coalesce(sum(greatest(total_fen - refunded_fen, 0)) FILTER (WHERE NOT cancelled AND paid_at > now() - interval '12 months'), 0)::int AS spend
         FROM member_order WHERE member_id = ANY($1::uuid[]) GROUP BY member_id`,
      [owners],
    );
    const scheme = await this.tiers.activeScheme(tx.em);
    // Each member's standing before this batch: today's spend less what the batch's orders added.
    const spendOf = new Map(spendRows.map((row) => [row.member_id, row.spend]));
    for (const row of rowOf.values()) {
      if (row.member_id && spendOf.has(row.member_id)) spendOf.set(row.member_id, (spendOf.get(row.member_id) as number) - (spendNow(row) - row.old_spend_fen));
    }
    const memberOf = new Map(members.map((m) => [m.id, { ...m }]));
    const earns: EarnPendingInput[] = [];
    const changes: TierChange[] = [];
    const renewed = new Set<string>();
    const now = new Date();
    const graceMs = this.config.downgradeGraceDays * 86_400_000;
    for (const row of candidates) {
      const memberId = row.member_id as string;
      const member = memberOf.get(memberId);
      if (!member) throw new Error(`member ${memberId} of order ${row.channel}/${row.order_id} is not locked`);
      spendOf.set(memberId, (spendOf.get(memberId) ?? 0) + spendNow(row) - row.old_spend_fen);
      const key = earnKey(row.channel, row.order_id);
      const rate = this.config.earnRates[member.tier_code] ?? this.config.baseEarnRate;
      const paidAt = row.paid_at as Date;
      const month = new Date(paidAt.getTime() + SHANGHAI_MS).getUTCMonth() + 1;
      const multiplier = member.birthday_month === month ? this.config.birthdayMultiplier : 1;
      const points = Math.floor((row.total_fen / 100) * rate * multiplier);
      if (points <= 0 || done.has(key)) continue;
      done.add(key);
      earns.push({
        memberId,
        key,
        points,
        source: `order ${row.channel}/${row.order_id}${multiplier > 1 ? ' (birthday month)' : ''}`,
        channel: row.channel,
        orderId: row.order_id,
        earnedAt: paidAt,
        maturesAt: new Date(paidAt.getTime() + this.config.pendingFallbackDays * 86_400_000),
      });
      // As TiersService.evaluate after each earning, on the standing the sequence has reached.
      if (member.status !== 'ACTIVE') continue;
      const decision = decideTier(
        scheme,
        { code: member.tier_code, lifetime: member.lifetime_tier, reviewAt: member.tier_review_at },
        { spendFen: spendOf.get(memberId) ?? 0, score: member.interaction_score ?? 0 },
        now,
        this.config.downgradeGraceDays,
      );
      const reviewAt = new Date(now);
      reviewAt.setUTCMonth(reviewAt.getUTCMonth() + scheme.reviewMonths);
      if (decision.change !== 'none') {
        changes.push({ memberId, from: member.tier_code, to: decision.to.code, reason: `${decision.change}: order ${row.channel}/${row.order_id} paid` });
        Object.assign(member, { tier_code: decision.to.code, tier_review_at: reviewAt });
      } else if (!member.lifetime_tier && member.tier_review_at.getTime() + graceMs <= now.getTime()) {
        renewed.add(memberId);
        member.tier_review_at = reviewAt;
      }
    }
    const earned = await this.ledger.earnPendingMany(tx, earns);
    // The members are locked: a key another transaction claimed in between means the lock failed.
    if (earned.size !== earns.length) throw new Error('an order earned its points in another transaction while its member was locked');
    await this.tiers.applyDecisions(tx, changes, [...renewed], scheme.reviewMonths);
  }

  private async apply(tx: TransactionContext, event: OrderEvent, memberId: string | null): Promise<void> {
    const p = event.payload;
    if (isRefund(event)) {
      await this.applyRefund(tx, event);
      return;
    }
    const o = p as ChannelOrderPayload;
    const at = new Date(o.occurredAt);
    if (memberId) await this.members.recordInteraction(tx, memberId, at);
    const order = await this.upsertOrder(tx, o.channel, o.orderId, memberId, {
      totalFen: o.totalFen,
      ...(event.type === ChannelOrderPaid.type ? { paidAt: at } : {}),
      ...(event.type === ChannelOrderCompleted.type ? { completedAt: at } : {}),
      ...(event.type === ChannelOrderCancelled.type ? { cancelled: true } : {}),
    });
    if (order.paid_at && !order.cancelled) await this.earn(tx, order);
    if (order.completed_at) await this.startReturnWindow(tx, order);
    if (event.type === ChannelOrderCancelled.type) await this.coupons.returnForOrder(tx, order.channel, order.order_id);
    await this.reconcile(tx, order);
  }

  /**
   * One refund, one effect: a refund paid through an after-sales case is usually reported by the
   * marketplace's refund.completed too. Reports are the same refund when they come from the two
   * sources for the same order and amount (a case carries no marketplace refund id nor lines);
   * the later one is recorded beside the earlier and changes nothing. A re-sent report (same
   * refund id) does nothing either.
   */
  private async applyRefund(tx: TransactionContext, event: OrderEvent): Promise<void> {
    const p = event.payload as ChannelRefundPayload | RefundIssuedPayload;
    const issued = p as RefundIssuedPayload;
    // A case's refund keeps its case id as key (as before disputes paid refunds too); a dispute's is keyed by the dispute.
    const [source, refundId] =
      event.type === RefundIssued.type
        ? ['after-sales', issued.caseId ?? `dispute:${issued.disputeId}`]
        : ['marketplace', (p as ChannelRefundPayload).refundId];
    // Both reports write the order's row: taking its lock first makes the second wait for the first to be matched.
    await this.upsertOrder(tx, p.channel, p.orderId, null, {});
    const first = await selectRows<{ refund_id: string }>(
      tx.em,
      `INSERT INTO member_refund (channel, refund_id, order_id, amount_fen, source) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING refund_id`,
      [p.channel, refundId, p.orderId, p.amountFen, source],
    );
    if (first.length === 0) return;
    const twin = await selectRow<{ refund_id: string }>(
      tx.em,
      `SELECT refund_id FROM member_refund WHERE channel = $1 AND order_id = $2 AND amount_fen = $3 AND source <> $4 AND same_as IS NULL ORDER BY at, refund_id LIMIT 1`,
      [p.channel, p.orderId, p.amountFen, source],
    );
    if (twin) {
      await execute(tx.em, `UPDATE member_refund SET same_as = CASE WHEN refund_id = $2 THEN $3 ELSE $2 END WHERE channel = $1 AND refund_id IN ($2, $3)`, [
        p.channel,
        refundId,
        twin.refund_id,
      ]);
      return;
    }
    const order = await this.upsertOrder(tx, p.channel, p.orderId, null, { refundedFen: p.amountFen });
    await this.reconcile(tx, order);
  }

  private async upsertOrder(
    tx: TransactionContext,
    channel: string,
    orderId: string,
    memberId: string | null,
    facts: { totalFen?: number; paidAt?: Date; completedAt?: Date; cancelled?: boolean; refundedFen?: number },
  ): Promise<OrderRow> {
    const [row] = await selectRows<OrderRow>(
      tx.em,
      `INSERT INTO member_order (channel, order_id, member_id, total_fen, paid_at, completed_at, cancelled, refunded_fen)
       VALUES ($1, $2, $3, coalesce($4, 0), $5, $6, coalesce($7, false), coalesce($8, 0))
       ON CONFLICT (channel, order_id) DO UPDATE SET
         member_id = coalesce(member_order.member_id, EXCLUDED.member_id),
         total_fen = greatest(member_order.total_fen, EXCLUDED.total_fen),
         paid_at = coalesce(member_order.paid_at, EXCLUDED.paid_at),
         completed_at = coalesce(member_order.completed_at, EXCLUDED.completed_at),
         cancelled = member_order.cancelled OR EXCLUDED.cancelled,
         refunded_fen = member_order.refunded_fen + coalesce($8, 0)
       RETURNING *`,
      [channel, orderId, memberId, facts.totalFen ?? null, facts.paidAt ?? null, facts.completedAt ?? null, facts.cancelled ?? null, facts.refundedFen ?? null],
    );
    if (row.member_id) await execute(tx.em, `INSERT INTO rfm_dirty (member_id) VALUES ($1) ON CONFLICT DO NOTHING`, [row.member_id]);
    return row;
  }

  /** Pending points for a paid order, once: rate by the member's tier, doubled in the birthday month. */
  private async earn(tx: TransactionContext, order: OrderRow): Promise<void> {
    const memberId = order.member_id as string;
    const [member] = await selectRows<{ tier_code: string; birthday_month: number | null }>(
      tx.em,
      `SELECT tier_code, birthday_month FROM member WHERE id = $1`,
      [memberId],
    );
    const rate = this.config.earnRates[member.tier_code] ?? this.config.baseEarnRate;
    const paidAt = order.paid_at as Date;
    const month = new Date(paidAt.getTime() + SHANGHAI_MS).getUTCMonth() + 1;
    const multiplier = member.birthday_month === month ? this.config.birthdayMultiplier : 1;
    const points = Math.floor((order.total_fen / 100) * rate * multiplier);
    if (points <= 0) return;
    const earned = await this.ledger.earnPending(tx, {
      memberId,
      key: earnKey(order.channel, order.order_id),
      points,
      source: `order ${order.channel}/${order.order_id}${multiplier > 1 ? ' (birthday month)' : ''}`,
      channel: order.channel,
      orderId: order.order_id,
      earnedAt: paidAt,
      maturesAt: new Date(paidAt.getTime() + this.config.pendingFallbackDays * 86_400_000),
    });
    if (earned) await this.tiers.evaluate(tx, memberId, `order ${order.channel}/${order.order_id} paid`);
  }

  /** Completion starts the return window; when it passes, the points mature. */
  private async startReturnWindow(tx: TransactionContext, order: OrderRow): Promise<void> {
    await execute(
      tx.em,
      `UPDATE points_lot SET matures_at = least(matures_at, $2::timestamptz + ($3::int * interval '1 second')) WHERE source_key = $1 AND status = 'PENDING'`,
      [earnKey(order.channel, order.order_id), order.completed_at, this.config.returnWindowSeconds],
    );
  }

  /** Reverses the share of the order's points that refunds (or a cancellation) took back. */
  private async reconcile(tx: TransactionContext, order: OrderRow): Promise<void> {
    if (!order.member_id || (!order.cancelled && order.refunded_fen === 0)) return;
    const share = order.cancelled ? 1 : order.total_fen > 0 ? order.refunded_fen / order.total_fen : 1;
    await this.ledger.reverseOrder(tx, {
      memberId: order.member_id,
      key: `order:${order.channel}:${order.order_id}:reverse:${order.cancelled ? 'cancelled' : order.refunded_fen}`,
      lotKey: earnKey(order.channel, order.order_id),
      share,
      source: order.cancelled ? `order ${order.channel}/${order.order_id} cancelled` : `refund on ${order.channel}/${order.order_id}`,
    });
    await this.tiers.evaluate(tx, order.member_id, `refund on ${order.channel}/${order.order_id}`);
  }
}
