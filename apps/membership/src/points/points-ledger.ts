import { Inject, Injectable } from '@nestjs/common';
import { PointsChanged } from '@shopops/contracts';
import type { TransactionContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { POINTS_EXPIRY, type PointsExpiryPolicy } from './points-expiry.policy';

export interface LotRow {
  id: string;
  member_id: string;
  kind: 'EARNED' | 'BONUS' | 'ADJUSTMENT' | 'DEBT';
  source_key: string;
  points: number;
  remaining: number;
  reversed: number;
  status: 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'CANCELLED';
  earned_at: Date;
  expires_at: Date | null;
}

interface Entry {
  lotId: string | null;
  kind: string;
  delta: number;
  pendingDelta: number;
  debtDelta: number;
}

/** Collects one operation's entries for a member, then writes them and the member's totals at once. */
class Posting {
  readonly entries: Entry[] = [];
  constructor(
    readonly memberId: string,
    readonly key: string,
    readonly source: string,
    public debt: number,
  ) {}

  add(kind: string, lotId: string | null, delta: number, pendingDelta = 0, debtDelta = 0): void {
    if (delta === 0 && pendingDelta === 0 && debtDelta === 0) return;
    this.entries.push({ lotId, kind, delta, pendingDelta, debtDelta });
    this.debt += debtDelta;
  }

  total(field: 'delta' | 'pendingDelta' | 'debtDelta'): number {
    return this.entries.reduce((sum, e) => sum + e[field], 0);
  }
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
    const posting = await this.begin(tx, input.memberId, input.key, 'EARN', input.points, input.source);
    if (!posting) return false;
    const id = randomUUID();
    await tx.em.query(
      `INSERT INTO points_lot (id, member_id, kind, source_key, points, remaining, status, earned_at, matures_at, expires_at, order_channel, order_id)
       VALUES ($1, $2, 'EARNED', $3, $4, $4, 'PENDING', $5, $6, $7, $8, $9)`,
      [id, input.memberId, input.key, input.points, input.earnedAt, input.maturesAt, this.expiry.expiresAt(input.earnedAt), input.channel, input.orderId],
    );
    posting.add('EARN_PENDING', id, 0, input.points);
    await this.finish(tx, posting);
    return true;
  }

  /** Points usable at once (interaction bonus, service gesture, merge). */
  async grant(tx: TransactionContext, input: { memberId: string; key: string; points: number; source: string; kind: 'BONUS' | 'ADJUSTMENT' }): Promise<boolean> {
    const posting = await this.begin(tx, input.memberId, input.key, input.kind, input.points, input.source);
    if (!posting) return false;
    const id = randomUUID();
    const now = new Date();
    await tx.em.query(
      `INSERT INTO points_lot (id, member_id, kind, source_key, points, remaining, status, earned_at, expires_at) VALUES ($1, $2, $3, $4, $5, $5, 'ACTIVE', $6, $7)`,
      [id, input.memberId, input.kind, input.key, input.points, now, this.expiry.expiresAt(now)],
    );
    posting.add('GRANT', id, input.points);
    await this.settleDebt(tx, posting, id, input.points);
    await this.finish(tx, posting);
    return true;
  }

  /** Pending lots whose return window has passed become spendable. */
  async matureDue(tx: TransactionContext, limit = 1000): Promise<number> {
    const lots: LotRow[] = await tx.em.query(
      `SELECT * FROM points_lot WHERE status = 'PENDING' AND matures_at <= now() ORDER BY member_id, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    for (const lot of lots) {
      const posting = await this.begin(tx, lot.member_id, `mature:${lot.id}`, 'MATURE', lot.remaining, 'return window passed');
      if (!posting) continue;
      await tx.em.query(`UPDATE points_lot SET status = 'ACTIVE' WHERE id = $1`, [lot.id]);
      posting.add('MATURE', lot.id, lot.remaining, -lot.remaining);
      await this.settleDebt(tx, posting, lot.id, lot.remaining);
      await this.finish(tx, posting);
    }
    return lots.length;
  }

  /** A client's key that already names another member's operation must not answer as that operation's replay. */
  async keyTakenByAnother(tx: TransactionContext, key: string, memberId: string): Promise<boolean> {
    const [operation] = (await tx.em.query(`SELECT member_id FROM points_operation WHERE key = $1`, [key])) as Array<{ member_id: string }>;
    return operation !== undefined && operation.member_id !== memberId;
  }

  async spend(tx: TransactionContext, input: { memberId: string; key: string; points: number; source: string }): Promise<SpendOutcome> {
    const member = await this.lockMember(tx, input.memberId);
    if (member.points_balance < input.points) {
      const done = (await tx.em.query(`SELECT 1 FROM points_operation WHERE key = $1`, [input.key])).length > 0;
      return done ? { spent: true } : { spent: false, balance: member.points_balance };
    }
    const posting = await this.begin(tx, input.memberId, input.key, 'SPEND', input.points, input.source, member.points_debt);
    if (!posting) return { spent: true };
    await this.takeOldestFirst(tx, posting, input.points, 'SPEND');
    await this.finish(tx, posting);
    return { spent: true };
  }

  /**
   * Brings an order's reversed points up to `targetReversed` (a refund's share of the lot, or
   * all of it on cancellation): pending points are simply cancelled; active ones come back from
   * the lot, then from the member's other lots, and what is missing is clawed back by policy.
   */
  async reverseOrder(tx: TransactionContext, input: { memberId: string; key: string; lotKey: string; share: number; source: string }): Promise<void> {
    const member = await this.lockMember(tx, input.memberId);
    const [lot] = (await tx.em.query(`SELECT * FROM points_lot WHERE source_key = $1 FOR UPDATE`, [input.lotKey])) as LotRow[];
    if (!lot) return;
    const target = Math.min(lot.points, Math.round(lot.points * Math.min(1, Math.max(0, input.share))));
    const amount = target - lot.reversed;
    if (amount <= 0) return;
    const posting = await this.begin(tx, input.memberId, input.key, 'REVERSE', amount, input.source, member.points_debt);
    if (!posting) return;
    await tx.em.query(`UPDATE points_lot SET reversed = $2 WHERE id = $1`, [lot.id, target]);
    if (lot.status === 'PENDING') {
      await tx.em.query(`UPDATE points_lot SET remaining = remaining - $2, status = CASE WHEN remaining - $2 = 0 THEN 'CANCELLED' ELSE status END WHERE id = $1`, [lot.id, amount]);
      posting.add('REVERSE_PENDING', lot.id, 0, -amount);
    } else if (lot.status === 'EXPIRED') {
      // Points that already expired are gone: the refund takes nothing from newer lots.
      posting.add('REVERSE_EXPIRED', lot.id, 0);
    } else {
      const fromLot = lot.status === 'ACTIVE' ? Math.min(lot.remaining, amount) : 0;
      if (fromLot > 0) {
        await tx.em.query(`UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [lot.id, fromLot]);
        posting.add('REVERSE', lot.id, -fromLot);
      }
      const shortfall = await this.takeOldestFirst(tx, posting, amount - fromLot, 'CLAWBACK');
      if (shortfall > 0) await this.recordDebt(tx, posting, shortfall);
    }
    await this.finish(tx, posting);
  }

  /** Active lots past their expiry date lose what is left of them. */
  async expireDue(tx: TransactionContext, limit = 1000): Promise<number> {
    const lots: LotRow[] = await tx.em.query(
      `SELECT * FROM points_lot WHERE status = 'ACTIVE' AND kind <> 'DEBT' AND expires_at <= now() ORDER BY member_id, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    for (const lot of lots) {
      const posting = await this.begin(tx, lot.member_id, `expire:${lot.id}`, 'EXPIRE', lot.remaining, 'points expired');
      if (!posting) continue;
      await tx.em.query(`UPDATE points_lot SET status = 'EXPIRED', remaining = 0 WHERE id = $1`, [lot.id]);
      posting.add('EXPIRE', lot.id, -lot.remaining);
      await this.finish(tx, posting);
    }
    return lots.length;
  }

  /** Merging members: every lot, pending point and debt moves to the survivor, with entries on both sides. */
  async moveAll(tx: TransactionContext, fromMemberId: string, toMemberId: string, key: string): Promise<void> {
    const [first, second] = [fromMemberId, toMemberId].sort();
    await this.lockMember(tx, first);
    await this.lockMember(tx, second);
    const from = await this.lockMember(tx, fromMemberId);
    const lots: LotRow[] = await tx.em.query(`SELECT * FROM points_lot WHERE member_id = $1 AND status IN ('PENDING', 'ACTIVE') FOR UPDATE`, [fromMemberId]);
    const out = await this.begin(tx, fromMemberId, `${key}:out`, 'MERGE_OUT', from.points_balance, `merged into ${toMemberId}`, from.points_debt);
    const into = await this.begin(tx, toMemberId, `${key}:in`, 'MERGE_IN', from.points_balance, `merged from ${fromMemberId}`);
    if (!out || !into) return;
    await tx.em.query(`UPDATE points_lot SET member_id = $2 WHERE member_id = $1 AND status IN ('PENDING', 'ACTIVE')`, [fromMemberId, toMemberId]);
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
    await this.finish(tx, out);
    await this.finish(tx, into);
  }

  private async takeOldestFirst(tx: TransactionContext, posting: Posting, points: number, kind: string): Promise<number> {
    if (points <= 0) return 0;
    const lots: LotRow[] = await tx.em.query(
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
      await tx.em.query(
        `UPDATE points_lot l SET remaining = l.remaining - t.take FROM unnest($1::uuid[], $2::int[]) AS t(id, take) WHERE l.id = t.id`,
        [takes.map(([id]) => id), takes.map(([, take]) => take)],
      );
    }
    return left;
  }

  /** What could not be clawed back: a debt beside a zero balance, or a negative balance. */
  private async recordDebt(tx: TransactionContext, posting: Posting, shortfall: number): Promise<void> {
    if (this.config.clawbackPolicy === 'clamp-and-record-debt') {
      posting.add('CLAWBACK_DEBT', null, 0, 0, shortfall);
      return;
    }
    const [debtLot] = (await tx.em.query(`SELECT * FROM points_lot WHERE member_id = $1 AND kind = 'DEBT' AND status = 'ACTIVE' FOR UPDATE`, [posting.memberId])) as LotRow[];
    const id = debtLot?.id ?? randomUUID();
    if (debtLot) await tx.em.query(`UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [id, shortfall]);
    else {
      await tx.em.query(`INSERT INTO points_lot (id, member_id, kind, source_key, points, remaining, status) VALUES ($1, $2, 'DEBT', $3, 0, $4, 'ACTIVE')`, [
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
      await tx.em.query(`UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [lotId, settle]);
      posting.add('DEBT_SETTLE', lotId, -settle, 0, -settle);
      return;
    }
    const [debtLot] = (await tx.em.query(`SELECT * FROM points_lot WHERE member_id = $1 AND kind = 'DEBT' AND status = 'ACTIVE' FOR UPDATE`, [posting.memberId])) as LotRow[];
    if (!debtLot || debtLot.remaining >= 0) return;
    const settle = Math.min(-debtLot.remaining, available);
    await tx.em.query(`UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [lotId, settle]);
    await tx.em.query(`UPDATE points_lot SET remaining = remaining + $2, status = CASE WHEN remaining + $2 = 0 THEN 'CANCELLED' ELSE status END WHERE id = $1`, [debtLot.id, settle]);
    posting.add('DEBT_SETTLE', lotId, -settle);
    posting.add('DEBT_SETTLE', debtLot.id, settle);
  }

  private async lockMember(tx: TransactionContext, memberId: string): Promise<{ points_balance: number; points_pending: number; points_debt: number }> {
    const [member] = await tx.em.query(`SELECT points_balance, points_pending, points_debt FROM member WHERE id = $1 FOR UPDATE`, [memberId]);
    if (!member) throw new Error(`member ${memberId} does not exist`);
    return member;
  }

  /** Claims the operation key; undefined when the operation was done before. */
  private async begin(tx: TransactionContext, memberId: string, key: string, kind: string, points: number, source: string, knownDebt?: number): Promise<Posting | undefined> {
    const debt = knownDebt ?? (await this.lockMember(tx, memberId)).points_debt;
    const claimed: unknown[] = await tx.em.query(
      `INSERT INTO points_operation (key, member_id, kind, points) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [key, memberId, kind, points],
    );
    return claimed.length ? new Posting(memberId, key, source, debt) : undefined;
  }

  private async finish(tx: TransactionContext, posting: Posting): Promise<void> {
    const e = posting.entries;
    if (e.length === 0) return;
    await tx.em.query(
      `INSERT INTO points_entry (member_id, lot_id, operation_key, kind, delta, pending_delta, debt_delta, source)
       SELECT $1, lot_id, $2, kind, delta, pending_delta, debt_delta, $3
         FROM unnest($4::uuid[], $5::text[], $6::int[], $7::int[], $8::int[]) AS t(lot_id, kind, delta, pending_delta, debt_delta)`,
      [posting.memberId, posting.key, posting.source, e.map((x) => x.lotId), e.map((x) => x.kind), e.map((x) => x.delta), e.map((x) => x.pendingDelta), e.map((x) => x.debtDelta)],
    );
    const delta = posting.total('delta');
    const [member] = (await tx.em.query(
      `WITH updated AS (
         UPDATE member SET points_balance = points_balance + $2, points_pending = points_pending + $3, points_debt = points_debt + $4, updated_at = now()
          WHERE id = $1 RETURNING points_balance)
       SELECT points_balance FROM updated`,
      [posting.memberId, delta, posting.total('pendingDelta'), posting.total('debtDelta')],
    )) as Array<{ points_balance: number }>;
    if (delta !== 0) {
      tx.emit(PointsChanged, { memberId: posting.memberId, delta, balance: member.points_balance, reason: posting.source, sourceKey: posting.key });
    }
  }
}
