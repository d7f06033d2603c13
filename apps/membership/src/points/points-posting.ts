import { PointsChanged } from '@shopops/contracts';
import { execute, selectRow, selectRows, type TransactionContext } from '@shopops/platform';

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

export interface MemberPointsRow {
  points_balance: number;
  points_pending: number;
  points_debt: number;
}

interface Entry {
  lotId: string | null;
  kind: string;
  delta: number;
  pendingDelta: number;
  debtDelta: number;
}

/** Collects one operation's entries for a member, then writes them and the member's totals at once. */
export class Posting {
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

/** The member's totals, locked for the rest of the transaction. */
export async function lockMemberPoints(tx: TransactionContext, memberId: string): Promise<MemberPointsRow> {
  const member = await selectRow<MemberPointsRow>(tx.em, `SELECT points_balance, points_pending, points_debt FROM member WHERE id = $1 FOR UPDATE`, [memberId]);
  if (!member) throw new Error(`member ${memberId} does not exist`);
  return member;
}

/** Claims the operation key; undefined when the operation was done before. */
export async function beginPosting(
  tx: TransactionContext,
  operation: { memberId: string; key: string; kind: string; points: number; source: string },
  knownDebt?: number,
): Promise<Posting | undefined> {
  const { memberId, key, kind, points, source } = operation;
  const debt = knownDebt ?? (await lockMemberPoints(tx, memberId)).points_debt;
  const claimed = await selectRows<{ key: string }>(
    tx.em,
    `INSERT INTO points_operation (key, member_id, kind, points) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
    [key, memberId, kind, points],
  );
  return claimed.length ? new Posting(memberId, key, source, debt) : undefined;
}

/** Writes the posting's entries in one statement, moves the member's totals by their sum, and tells when the balance changed. */
export async function finishPosting(tx: TransactionContext, posting: Posting): Promise<void> {
  const e = posting.entries;
  if (e.length === 0) return;
  await execute(
    tx.em,
    `INSERT INTO points_entry (member_id, lot_id, operation_key, kind, delta, pending_delta, debt_delta, source)
       SELECT $1, lot_id, $2, kind, delta, pending_delta, debt_delta, $3
         FROM unnest($4::uuid[], $5::text[], $6::int[], $7::int[], $8::int[]) AS t(lot_id, kind, delta, pending_delta, debt_delta)`,
    [
      posting.memberId,
      posting.key,
      posting.source,
      e.map((x) => x.lotId),
      e.map((x) => x.kind),
      e.map((x) => x.delta),
      e.map((x) => x.pendingDelta),
      e.map((x) => x.debtDelta),
    ],
  );
  const delta = posting.total('delta');
  // The member row was locked when the posting began, so the update always answers it.
  const [member] = await selectRows<{ points_balance: number }>(
    tx.em,
    `WITH updated AS (
         UPDATE member SET points_balance = points_balance + $2, points_pending = points_pending + $3, points_debt = points_debt + $4, updated_at = now()
          WHERE id = $1 RETURNING points_balance)
       SELECT points_balance FROM updated`,
    [posting.memberId, delta, posting.total('pendingDelta'), posting.total('debtDelta')],
  );
  if (delta !== 0) {
    tx.emit(PointsChanged, { memberId: posting.memberId, delta, balance: member.points_balance, reason: posting.source, sourceKey: posting.key });
  }
}
