import { Injectable } from '@nestjs/common';
import { invalidField, NotFoundError, refuse, selectRows, UnitOfWork, type Queryable, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { PointsLedger } from './points-ledger';
import type { MemberPointsRow } from './points-posting';
import { InsufficientPointsError, PointsBalance, PointsEntryView, type PointsChangeInput } from './points.model';

interface PointsEntryRow {
  kind: string;
  delta: number;
  pending_delta: number;
  debt_delta: number;
  source: string;
  operation_key: string;
  created_at: Date;
}

/** Points as the API offers them: spending and grants by idempotency key, balances and the ledger's history. */
@Injectable()
export class PointsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly ledger: PointsLedger,
  ) {}

  spend(ctx: RequestContext, input: PointsChangeInput): Promise<PointsBalance | InsufficientPointsError | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireActiveMember(tx.em, input.memberId);
      const key = `spend:${input.idempotencyKey}`;
      if (await this.ledger.keyTakenByAnother(tx, key, input.memberId))
        throw invalidField('idempotencyKey', 'is already used by another operation: use a new key');
      const outcome = await this.ledger.spend(tx, { memberId: input.memberId, key, points: input.points, source: input.reason });
      if (!outcome.spent) refuse(InsufficientPointsError.of(outcome.balance, input.points));
      return this.balance(tx.em, input.memberId);
    });
  }

  /** A goodwill grant or correction by a person, recorded with who gave it. */
  grant(ctx: RequestContext, input: PointsChangeInput): Promise<PointsBalance | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireActiveMember(tx.em, input.memberId);
      await this.ledger.grant(tx, {
        memberId: input.memberId,
        key: `grant:${input.idempotencyKey}`,
        points: input.points,
        source: `${input.reason} (by ${ctx.identity.subject})`,
        kind: 'ADJUSTMENT',
      });
      return this.balance(tx.em, input.memberId);
    });
  }

  /** The member's ledger entries, newest first (at most 500). */
  async historyOf(memberId: string, first: number): Promise<PointsEntryView[]> {
    const rows = await selectRows<PointsEntryRow>(
      this.dataSource,
      `SELECT kind, delta, pending_delta, debt_delta, source, operation_key, created_at FROM points_entry WHERE member_id = $1 ORDER BY id DESC LIMIT $2`,
      [memberId, Math.min(Math.max(first, 1), 500)],
    );
    return rows.map((r) => ({
      kind: r.kind,
      delta: r.delta,
      pendingDelta: r.pending_delta,
      debtDelta: r.debt_delta,
      source: r.source,
      operationKey: r.operation_key,
      createdAt: r.created_at,
    }));
  }

  private async requireActiveMember(db: Queryable, memberId: string): Promise<void> {
    if (!(await selectRows(db, `SELECT 1 FROM member WHERE id = $1 AND status = 'ACTIVE'`, [memberId])).length) refuse(NotFoundError.of('Member', memberId));
  }

  private async balance(db: Queryable, memberId: string): Promise<PointsBalance> {
    const [m] = await selectRows<MemberPointsRow>(db, `SELECT points_balance, points_pending, points_debt FROM member WHERE id = $1`, [memberId]);
    return Object.assign(new PointsBalance(), { memberId, balance: m.points_balance, pending: m.points_pending, debt: m.points_debt });
  }
}
