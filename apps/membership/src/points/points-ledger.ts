import { Inject, Injectable } from '@nestjs/common';
import { execute, selectRow, selectRows, type TransactionContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { preparedRows } from '../prepared-statements';
import { POINTS_EXPIRY, type PointsExpiryPolicy } from './points-expiry.policy';
import { beginPosting, finishPosting, lockMemberPoints, type LotRow, type Posting } from './points-posting';

export interface EarnPendingInput {
  readonly memberId: string;
  readonly key: string;
  readonly points: number;
  readonly source: string;
  readonly channel: string;
  readonly orderId: string;
  readonly earnedAt: Date;
  readonly maturesAt: Date;
}

export type SpendOutcome = { spent: true } | { spent: false; balance: number };

/**
 * Points as lots: each earning is a lot that is pending (until the return window passes), then
 * active until it expires; spending takes the oldest lots first; a refund reverses its order's
 * points and claws back what was already spent under the configured policy. Every change is an
 * entry with its operation key (replays do nothing), and the member's balance is the sum of
 * its entries — and of its active lots — always.
 */
@Injectable()
export class PointsLedger {
  constructor(
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
    @Inject(POINTS_EXPIRY) private readonly expiry: PointsExpiryPolicy,
  ) {}

  async earnPending(
    tx: TransactionContext,
    input: { memberId: string; key: string; points: number; source: string; channel: string; orderId: string; earnedAt: Date; maturesAt: Date },
  ): Promise<boolean> {
    const posting = await beginPosting(tx, { memberId: input.memberId, key: input.key, kind: 'EARN', points: input.points, source: input.source });
    if (!posting) return false;
    const id = randomUUID();
    await execute(
      tx.em,
      `INSERT INTO points_lot (id, member_id, kind, source_key, points, remaining, status, earned_at, matures_at, expires_at, order_channel, order_id)
       VALUES ($1, $2, 'EARNED', $3, $4, $4, 'PENDING', $5, $6, $7, $8, $9)`,
      [id, input.memberId, input.key, input.points, input.earnedAt, input.maturesAt, this.expiry.expiresAt(input.earnedAt), input.channel, input.orderId],
    );
    posting.add('EARN_PENDING', id, 0, input.points);
    await finishPosting(tx, posting);
    return true;
  }

  /** Which of these operation keys were done before (their replays do nothing). */
  async doneOperations(tx: TransactionContext, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await preparedRows<{ key: string }>(tx, 'membership.points.done-operations', `SELECT key FROM points_operation WHERE key = ANY($1::text[])`, [
      keys,
    ]);
    return new Set(rows.map((row) => row.key));
  }

  /**
   * earnPending for many orders at once, members locked by the caller: one statement each for
   * the operations, the lots, the entries and the members' pending totals. An operation key
   * done before earns nothing (as earnPending); answers the keys that earned.
   */
  async earnPendingMany(tx: TransactionContext, inputs: readonly EarnPendingInput[]): Promise<Set<string>> {
    if (inputs.length === 0) return new Set();
    const claimed = await preparedRows<{ key: string }>(
      tx,
      'membership.points.claim-earns',
      `INSERT INTO points_operation (key, member_id, kind, points) SELECT k, m, 'EARN', p FROM unnest($1::text[], $2::uuid[], $3::int[]) AS t(k, m, p)
       ON CONFLICT DO NOTHING RETURNING key`,
      [inputs.map((i) => i.key), inputs.map((i) => i.memberId), inputs.map((i) => i.points)],
    );
    const keys = new Set(claimed.map((row) => row.key));
    const earning = inputs.filter((i) => keys.has(i.key));
    if (earning.length === 0) return keys;
    const lotIds = earning.map(() => randomUUID());
    await preparedRows(
      tx,
      'membership.points.pending-lots',
      `INSERT INTO points_lot (id, member_id, kind, source_key, points, remaining, status, earned_at, matures_at, expires_at, order_channel, order_id)
       SELECT id, member_id, 'EARNED', source_key, points, points, 'PENDING', earned_at, matures_at, expires_at, order_channel, order_id
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::text[])
           AS t(id, member_id, source_key, points, earned_at, matures_at, expires_at, order_channel, order_id)`,
      [
        lotIds,
        earning.map((i) => i.memberId),
        earning.map((i) => i.key),
        earning.map((i) => i.points),
        earning.map((i) => i.earnedAt),
        earning.map((i) => i.maturesAt),
        earning.map((i) => this.expiry.expiresAt(i.earnedAt)),
        earning.map((i) => i.channel),
        earning.map((i) => i.orderId),
      ],
    );
    await preparedRows(
      tx,
      'membership.points.pending-entries',
      `INSERT INTO points_entry (member_id, lot_id, operation_key, kind, delta, pending_delta, debt_delta, source)
       SELECT member_id, lot_id, operation_key, 'EARN_PENDING', 0, points, 0, source
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[]) AS t(member_id, lot_id, operation_key, points, source)`,
      [earning.map((i) => i.memberId), lotIds, earning.map((i) => i.key), earning.map((i) => i.points), earning.map((i) => i.source)],
    );
    const pendingOf = new Map<string, number>();
    for (const i of earning) pendingOf.set(i.memberId, (pendingOf.get(i.memberId) ?? 0) + i.points);
    // Pending points move no balance: no PointsChanged, as earnPending.
    await preparedRows(
      tx,
      'membership.points.pending-totals',
      `UPDATE member m SET points_pending = m.points_pending + t.points, updated_at = now() FROM unnest($1::uuid[], $2::int[]) AS t(id, points) WHERE m.id = t.id`,
      [[...pendingOf.keys()], [...pendingOf.values()]],
    );
    return keys;
  }

  /** Points usable at once (interaction bonus, service gesture, merge). */
  async grant(
    tx: TransactionContext,
    input: { memberId: string; key: string; points: number; source: string; kind: 'BONUS' | 'ADJUSTMENT' },
  ): Promise<boolean> {
    const posting = await beginPosting(tx, { memberId: input.memberId, key: input.key, kind: input.kind, points: input.points, source: input.source });
    if (!posting) return false;
    const id = randomUUID();
    const now = new Date();
    await execute(
      tx.em,
      `INSERT INTO points_lot (id, member_id, kind, source_key, points, remaining, status, earned_at, expires_at) VALUES ($1, $2, $3, $4, $5, $5, 'ACTIVE', $6, $7)`,
      [id, input.memberId, input.kind, input.key, input.points, now, this.expiry.expiresAt(now)],
    );
    posting.add('GRANT', id, input.points);
    await this.settleDebt(tx, posting, id, input.points);
    await finishPosting(tx, posting);
    return true;
  }

  /** Pending lots whose return window has passed become spendable. */
  async matureDue(tx: TransactionContext, limit = 1000): Promise<number> {
    const lots = await selectRows<LotRow>(
      tx.em,
      `SELECT * FROM points_lot WHERE status = 'PENDING' AND matures_at <= now() ORDER BY member_id, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    for (const lot of lots) {
      const posting = await beginPosting(tx, {
        memberId: lot.member_id,
        key: `mature:${lot.id}`,
        kind: 'MATURE',
        points: lot.remaining,
        source: 'return window passed',
      });
      if (!posting) continue;
      await execute(tx.em, `UPDATE points_lot SET status = 'ACTIVE' WHERE id = $1`, [lot.id]);
      posting.add('MATURE', lot.id, lot.remaining, -lot.remaining);
      await this.settleDebt(tx, posting, lot.id, lot.remaining);
      await finishPosting(tx, posting);
    }
    return lots.length;
  }

  /** A client's key that already names another member's operation must not answer as that operation's replay. */
  async keyTakenByAnother(tx: TransactionContext, key: string, memberId: string): Promise<boolean> {
    const operation = await selectRow<{ member_id: string }>(tx.em, `SELECT member_id FROM points_operation WHERE key = $1`, [key]);
    return operation !== undefined && operation.member_id !== memberId;
  }

  async spend(tx: TransactionContext, input: { memberId: string; key: string; points: number; source: string }): Promise<SpendOutcome> {
    const member = await lockMemberPoints(tx, input.memberId);
    if (member.points_balance < input.points) {
      const done = (await selectRows(tx.em, `SELECT 1 FROM points_operation WHERE key = $1`, [input.key])).length > 0;
      return done ? { spent: true } : { spent: false, balance: member.points_balance };
    }
    const posting = await beginPosting(
      tx,
      { memberId: input.memberId, key: input.key, kind: 'SPEND', points: input.points, source: input.source },
      member.points_debt,
    );
    if (!posting) return { spent: true };
    await this.takeOldestFirst(tx, posting, input.points, 'SPEND');
    await finishPosting(tx, posting);
    return { spent: true };
  }

  /**
   * Brings an order's reversed points up to `targetReversed` (a refund's share of the lot, or
   * all of it on cancellation): pending points are simply cancelled; active ones come back from
   * the lot, then from the member's other lots, and what is missing is clawed back by policy.
   */
  async reverseOrder(tx: TransactionContext, input: { memberId: string; key: string; lotKey: string; share: number; source: string }): Promise<void> {
    const member = await lockMemberPoints(tx, input.memberId);
    const lot = await selectRow<LotRow>(tx.em, `SELECT * FROM points_lot WHERE source_key = $1 FOR UPDATE`, [input.lotKey]);
    if (!lot) return;
    const target = Math.min(lot.points, Math.round(lot.points * Math.min(1, Math.max(0, input.share))));
    const amount = target - lot.reversed;
    if (amount <= 0) return;
    const posting = await beginPosting(
      tx,
      { memberId: input.memberId, key: input.key, kind: 'REVERSE', points: amount, source: input.source },
      member.points_debt,
    );
    if (!posting) return;
    await execute(tx.em, `UPDATE points_lot SET reversed = $2 WHERE id = $1`, [lot.id, target]);
    if (lot.status === 'PENDING') {
      await execute(
        tx.em,
        `UPDATE points_lot SET remaining = remaining - $2, status = CASE WHEN remaining - $2 = 0 THEN 'CANCELLED' ELSE status END WHERE id = $1`,
        [lot.id, amount],
      );
      posting.add('REVERSE_PENDING', lot.id, 0, -amount);
    } else if (lot.status === 'EXPIRED') {
      // Points that already expired are gone: the refund takes nothing from newer lots.
      posting.add('REVERSE_EXPIRED', lot.id, 0);
    } else {
      const fromLot = lot.status === 'ACTIVE' ? Math.min(lot.remaining, amount) : 0;
      if (fromLot > 0) {
        await execute(tx.em, `UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [lot.id, fromLot]);
        posting.add('REVERSE', lot.id, -fromLot);
      }
      const shortfall = await this.takeOldestFirst(tx, posting, amount - fromLot, 'CLAWBACK');
      if (shortfall > 0) await this.recordDebt(tx, posting, shortfall);
    }
    await finishPosting(tx, posting);
  }

  /** Active lots past their expiry date lose what is left of them. */
  async expireDue(tx: TransactionContext, limit = 1000): Promise<number> {
    const lots = await selectRows<LotRow>(
      tx.em,
      `SELECT * FROM points_lot WHERE status = 'ACTIVE' AND kind <> 'DEBT' AND expires_at <= now() ORDER BY member_id, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    for (const lot of lots) {
      const posting = await beginPosting(tx, {
        memberId: lot.member_id,
        key: `expire:${lot.id}`,
        kind: 'EXPIRE',
        points: lot.remaining,
        source: 'points expired',
      });
      if (!posting) continue;
      await execute(tx.em, `UPDATE points_lot SET status = 'EXPIRED', remaining = 0 WHERE id = $1`, [lot.id]);
      posting.add('EXPIRE', lot.id, -lot.remaining);
      await finishPosting(tx, posting);
    }
    return lots.length;
  }

  /** Merging members: every lot, pending point and debt moves to the survivor, with entries on both sides. */
  async moveAll(tx: TransactionContext, fromMemberId: string, toMemberId: string, key: string): Promise<void> {
    const [first, second] = [fromMemberId, toMemberId].sort();
    await lockMemberPoints(tx, first);
    await lockMemberPoints(tx, second);
    const from = await lockMemberPoints(tx, fromMemberId);
    const lots = await selectRows<LotRow>(tx.em, `SELECT * FROM points_lot WHERE member_id = $1 AND status IN ('PENDING', 'ACTIVE') FOR UPDATE`, [
      fromMemberId,
    ]);
    const out = await beginPosting(
      tx,
      { memberId: fromMemberId, key: `${key}:out`, kind: 'MERGE_OUT', points: from.points_balance, source: `merged into ${toMemberId}` },
      from.points_debt,
    );
    const into = await beginPosting(tx, {
      memberId: toMemberId,
      key: `${key}:in`,
      kind: 'MERGE_IN',
      points: from.points_balance,
      source: `merged from ${fromMemberId}`,
    });
    if (!out || !into) return;
    await execute(tx.em, `UPDATE points_lot SET member_id = $2 WHERE member_id = $1 AND status IN ('PENDING', 'ACTIVE')`, [fromMemberId, toMemberId]);
    for (const lot of lots) {
      const active = lot.status === 'ACTIVE' ? lot.remaining : 0;
      const pending = lot.status === 'PENDING' ? lot.remaining : 0;
      out.add('MERGE_OUT', lot.id, -active, -pending);
      into.add('MERGE_IN', lot.id, active, pending);
    }
    if (from.points_debt > 0) {
      out.add('MERGE_OUT', null, 0, 0, -from.points_debt);
      into.add('MERGE_IN', null, 0, 0, from.points_debt);
    }
    await finishPosting(tx, out);
    await finishPosting(tx, into);
  }

  private async takeOldestFirst(tx: TransactionContext, posting: Posting, points: number, kind: string): Promise<number> {
    if (points <= 0) return 0;
    const lots = await selectRows<LotRow>(
      tx.em,
      `SELECT * FROM points_lot WHERE member_id = $1 AND status = 'ACTIVE' AND kind <> 'DEBT' AND remaining > 0
        ORDER BY expires_at NULLS LAST, earned_at, id FOR UPDATE`,
      [posting.memberId],
    );
    let left = points;
    const takes: Array<[string, number]> = [];
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(lot.remaining, left);
      takes.push([lot.id, take]);
      posting.add(kind, lot.id, -take);
      left -= take;
    }
    if (takes.length) {
      await execute(tx.em, `UPDATE points_lot l SET remaining = l.remaining - t.take FROM unnest($1::uuid[], $2::int[]) AS t(id, take) WHERE l.id = t.id`, [
        takes.map(([id]) => id),
        takes.map(([, take]) => take),
      ]);
    }
    return left;
  }

  /** What could not be clawed back: a debt beside a zero balance, or a negative balance. */
  private async recordDebt(tx: TransactionContext, posting: Posting, shortfall: number): Promise<void> {
    if (this.config.clawbackPolicy === 'clamp-and-record-debt') {
      posting.add('CLAWBACK_DEBT', null, 0, 0, shortfall);
      return;
    }
    const debtLot = await selectRow<LotRow>(tx.em, `SELECT * FROM points_lot WHERE member_id = $1 AND kind = 'DEBT' AND status = 'ACTIVE' FOR UPDATE`, [
      posting.memberId,
    ]);
    const id = debtLot?.id ?? randomUUID();
    if (debtLot) await execute(tx.em, `UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [id, shortfall]);
    else {
      await execute(tx.em, `INSERT INTO points_lot (id, member_id, kind, source_key, points, remaining, status) VALUES ($1, $2, 'DEBT', $3, 0, $4, 'ACTIVE')`, [
        id,
        posting.memberId,
        `debt:${posting.key}`,
        -shortfall,
      ]);
    }
    posting.add('CLAWBACK_NEGATIVE', id, -shortfall);
  }

  /** Newly usable points pay what the member owes first. */
  private async settleDebt(tx: TransactionContext, posting: Posting, lotId: string, available: number): Promise<void> {
    if (this.config.clawbackPolicy === 'clamp-and-record-debt') {
      const settle = Math.min(posting.debt, available);
      if (settle <= 0) return;
      await execute(tx.em, `UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [lotId, settle]);
      posting.add('DEBT_SETTLE', lotId, -settle, 0, -settle);
      return;
    }
    const debtLot = await selectRow<LotRow>(tx.em, `SELECT * FROM points_lot WHERE member_id = $1 AND kind = 'DEBT' AND status = 'ACTIVE' FOR UPDATE`, [
      posting.memberId,
    ]);
    if (!debtLot || debtLot.remaining >= 0) return;
    const settle = Math.min(-debtLot.remaining, available);
    await execute(tx.em, `UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [lotId, settle]);
    await execute(
      tx.em,
      `UPDATE points_lot SET remaining = remaining + $2, status = CASE WHEN remaining + $2 = 0 THEN 'CANCELLED' ELSE status END WHERE id = $1`,
      [debtLot.id, settle],
    );
    posting.add('DEBT_SETTLE', lotId, -settle);
    posting.add('DEBT_SETTLE', debtLot.id, settle);
  }
}
