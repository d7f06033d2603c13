import { Inject, Injectable } from '@nestjs/common';
import { InvalidStateError, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { DISPUTE_POLICY, type DisputeClaim, type DisputePolicy } from './dispute.policy';
import { Dispute, type OpenDisputeInput } from './disputes.model';

interface DisputeRow {
  id: string;
  channel: string;
  order_id: string;
  claim: string;
  amount_fen: number;
  grade: string;
  status: string;
  decision: string | null;
  rule_fired: string | null;
  compensation_fen: number;
  decided_by: string | null;
  created_at: Date;
}

/** Disputes graded by amount and complexity: ordinary ones decided by rules, the rest by experts. */
@Injectable()
export class DisputesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(DISPUTE_POLICY) private readonly policy: DisputePolicy,
  ) {}

  open(ctx: RequestContext, input: OpenDisputeInput): Promise<Dispute> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const order = await selectRow<{ status: string }>(tx.em, `SELECT status FROM customer_order WHERE channel = $1 AND order_id = $2`, [
        input.channel,
        input.orderId,
      ]);
      const ruling = this.policy.rule({
        claim: input.claim as DisputeClaim,
        amountFen: input.amountFen,
        evidence: input.evidence ?? [],
        complex: input.complex ?? false,
        orderStatus: order?.status ?? null,
        delivered: null,
      });
      const [row] = await selectRows<DisputeRow>(
        tx.em,
        `INSERT INTO dispute (case_id, channel, order_id, claim, amount_fen, evidence, complex, grade, status, decision, rule_fired, compensation_fen, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $9 = 'DECIDED' THEN now() END) RETURNING *`,
        [
          input.caseId ?? null,
          input.channel,
          input.orderId,
          input.claim,
          input.amountFen,
          input.evidence ?? [],
          input.complex ?? false,
          ruling.grade,
          ruling.grade === 'EXPERT' ? 'EXPERT_QUEUE' : 'DECIDED',
          ruling.decision ?? null,
          ruling.rule ?? null,
          ruling.compensationFen ?? 0,
          ruling.grade === 'EXPERT' ? null : 'rules',
        ],
      );
      return toDispute(row);
    });
  }

  /** An expert decides a queued dispute. */
  decide(
    ctx: RequestContext,
    id: string,
    decision: 'BUYER' | 'SELLER',
    note: string,
    compensationFen: number,
  ): Promise<Dispute | NotFoundError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const row = await selectRow<DisputeRow>(tx.em, `SELECT * FROM dispute WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) refuse(NotFoundError.of('Dispute', id));
      if (row.status !== 'EXPERT_QUEUE') refuse(InvalidStateError.of('Dispute', row.status, 'be decided again'));
      const [decided] = await selectRows<DisputeRow>(
        tx.em,
        `WITH d AS (UPDATE dispute SET status = 'DECIDED', decision = $2, rule_fired = $3, compensation_fen = $4, decided_by = $5, decided_at = now() WHERE id = $1 RETURNING *) SELECT * FROM d`,
        [id, decision, `expert: ${note}`, compensationFen, ctx.identity.subject],
      );
      return toDispute(decided);
    });
  }

  async list(status: string | undefined, first: number): Promise<Dispute[]> {
    const rows = await selectRows<DisputeRow>(
      this.dataSource,
      `SELECT * FROM dispute WHERE $1::text IS NULL OR status = $1 ORDER BY created_at DESC LIMIT $2`,
      [status ?? null, first],
    );
    return rows.map(toDispute);
  }
}

function toDispute(r: DisputeRow): Dispute {
  return Object.assign(new Dispute(), {
    id: r.id,
    channel: r.channel,
    orderId: r.order_id,
    claim: r.claim,
    amountFen: r.amount_fen,
    grade: r.grade,
    status: r.status,
    decision: r.decision,
    ruleFired: r.rule_fired,
    compensationFen: r.compensation_fen,
    decidedBy: r.decided_by,
    createdAt: r.created_at,
  });
}
