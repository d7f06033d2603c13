import { Inject, Injectable } from '@nestjs/common';
import { CompensationPaid, RefundIssued } from '@shopops/contracts';
import { InvalidStateError, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
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
  refund_fen: number;
  decided_by: string | null;
  created_at: Date;
}

interface OrderRow {
  status: string;
  lines: Array<{ skuCode: string; quantity: number }>;
  tracking_no: string | null;
  delivered: boolean;
}

/** Disputes graded by amount and complexity: ordinary ones decided by rules, the rest by experts. */
@Injectable()
export class DisputesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(DISPUTE_POLICY) private readonly policy: DisputePolicy,
  ) {}

  /**
   * A dispute is about an order the shop sold: one it has no record of is refused (no rule or
   * expert can weigh a claim without the order and its parcel); it can be opened again once the
   * channel's order events have arrived.
   */
  open(ctx: RequestContext, input: OpenDisputeInput): Promise<Dispute | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const order = await selectRow<OrderRow>(
        tx.em,
        `SELECT o.status, o.lines, o.tracking_no, p.delivered_at IS NOT NULL AS delivered
           FROM customer_order o LEFT JOIN parcel_tracking p ON p.tracking_no = o.tracking_no
          WHERE o.channel = $1 AND o.order_id = $2`,
        [input.channel, input.orderId],
      );
      if (!order) refuse(NotFoundError.of('Order', `${input.channel}:${input.orderId}`));
      const ruling = this.policy.rule({
        claim: input.claim as DisputeClaim,
        amountFen: input.amountFen,
        evidence: input.evidence ?? [],
        complex: input.complex ?? false,
        orderStatus: order.status,
        // A parcel with a tracking number has been delivered or not; without one, tracking says nothing.
        delivered: order.tracking_no === null ? null : order.delivered,
      });
      const [row] = await selectRows<DisputeRow>(
        tx.em,
        `INSERT INTO dispute (case_id, channel, order_id, claim, amount_fen, evidence, complex, grade, status, decision, rule_fired, compensation_fen, refund_fen, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, CASE WHEN $9 = 'DECIDED' THEN now() END) RETURNING *`,
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
          ruling.refundFen ?? 0,
          ruling.grade === 'EXPERT' ? null : 'rules',
        ],
      );
      this.pay(tx, row, order);
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
      // For the buyer: the expert's compensation when one is set, otherwise the disputed amount back.
      const refundFen = decision === 'BUYER' && compensationFen === 0 ? row.amount_fen : 0;
      const [decided] = await selectRows<DisputeRow>(
        tx.em,
        `WITH d AS (UPDATE dispute SET status = 'DECIDED', decision = $2, rule_fired = $3, compensation_fen = $4, refund_fen = $5, decided_by = $6, decided_at = now()
                     WHERE id = $1 RETURNING *) SELECT * FROM d`,
        [id, decision, `expert: ${note}`, compensationFen, refundFen, ctx.identity.subject],
      );
      const order = await selectRow<OrderRow>(
        tx.em,
        `SELECT status, lines, tracking_no, false AS delivered FROM customer_order WHERE channel = $1 AND order_id = $2`,
        [row.channel, row.order_id],
      );
      this.pay(tx, decided, order);
      return toDispute(decided);
    });
  }

  /**
   * What a ruling pays the buyer leaves through the outbox with the ruling: a refund (with the
   * order's lines when it never shipped, so inventory frees their stock) or advance compensation.
   * A dispute is decided once, so each is emitted once.
   */
  private pay(tx: TransactionContext, row: DisputeRow, order: OrderRow | undefined): void {
    const base = { disputeId: row.id, channel: row.channel, orderId: row.order_id };
    if (row.refund_fen > 0) {
      const unshipped = order?.status === 'CREATED' || order?.status === 'PAID';
      tx.emit(RefundIssued, {
        ...base,
        amountFen: row.refund_fen,
        reason: `dispute: ${row.rule_fired ?? row.claim}`,
        ...(unshipped ? { lines: order.lines.map((l) => ({ skuCode: l.skuCode, quantity: l.quantity })) } : {}),
      });
    }
    if (row.compensation_fen > 0) tx.emit(CompensationPaid, { ...base, amountFen: row.compensation_fen, rule: row.rule_fired ?? 'expert' });
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
    refundFen: r.refund_fen,
    decidedBy: r.decided_by,
    createdAt: r.created_at,
  });
}
