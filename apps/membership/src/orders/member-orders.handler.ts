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
import { PointsLedger } from '../points/points-ledger';
import { TiersService } from '../tiers/tiers.service';

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

type OrderEvent = EventEnvelope<ChannelOrderPayload | ChannelRefundPayload | RefundIssuedPayload>;

const earnKey = (channel: string, orderId: string) => `order:${channel}:${orderId}:earn`;
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
    await execute(tx.em, `SELECT id FROM member WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [memberIds]);
    const lockKey = (event: OrderEvent) => memberOfEvent.get(event) ?? '\uffff';
    const ordered = [...events].sort(
      (a, b) => byCodePoint(lockKey(a), lockKey(b)) || byCodePoint(a.payload.channel, b.payload.channel) || byCodePoint(a.payload.orderId, b.payload.orderId),
    );
    for (const event of ordered) await this.apply(tx, event, memberOfEvent.get(event) ?? null);
  }

  /** The member each event is about: the buyer's (created on first sight) or, for a refund, the order's if known yet. */
  private async membersOf(tx: TransactionContext, events: OrderEvent[]): Promise<Map<OrderEvent, string | null>> {
    const identityKey = (o: ChannelOrderPayload) => `${o.channel}\u0000${o.buyer.platformUserId}`;
    const buyers = new Map<string, ChannelOrderPayload>();
    for (const event of events) if (!isRefund(event)) buyers.set(identityKey(event.payload as ChannelOrderPayload), event.payload as ChannelOrderPayload);
    const memberOfBuyer = new Map<string, string>();
    for (const key of [...buyers.keys()].sort(byCodePoint)) {
      const order = buyers.get(key) as ChannelOrderPayload;
      memberOfBuyer.set(key, await this.members.memberForBuyer(tx, order.channel, order.buyer));
    }
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
