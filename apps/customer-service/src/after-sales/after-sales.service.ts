import { Inject, Injectable } from '@nestjs/common';
import { isIsoWithOffset, RefundIssued, ReplacementShipped, ReturnReceived } from '@shopops/contracts';
import {
  execute,
  invalidField,
  NotFoundError,
  refuse,
  selectRow,
  selectRows,
  UnitOfWork,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { QualityService } from '../quality/quality.service';
import {
  AfterSalesCase,
  AfterSalesKind,
  AfterSalesReason,
  CaseTransition,
  IllegalCaseActionError,
  OrderNotShippedError,
  RefundExceedsOrderError,
  type CaseActionInput,
  type OpenCaseInput,
} from './after-sales.model';

interface CaseRow {
  id: string;
  kind: AfterSalesKind;
  status: string;
  channel: string;
  order_id: string;
  platform_user_id: string;
  member_id: string | null;
  sku_code: string;
  quantity: number;
  amount_fen: number;
  refunded_fen: number;
  reason: string;
  reason_category: AfterSalesReason;
  fast_tracked: boolean;
  pickup_at: Date | null;
  due_at: Date;
  completed_at: Date | null;
  created_at: Date;
}

/** action → the statuses it may start from, per kind, and where it leads. */
const ACTIONS: Record<string, { from: Partial<Record<AfterSalesKind, string[]>>; to: string }> = {
  approve: { from: { RETURN: ['REQUESTED'], REFUND_ONLY: ['REQUESTED'], EXCHANGE: ['REQUESTED'] }, to: 'APPROVED' },
  reject: { from: { RETURN: ['REQUESTED'], REFUND_ONLY: ['REQUESTED'], EXCHANGE: ['REQUESTED'] }, to: 'REJECTED' },
  'book-pickup': { from: { RETURN: ['APPROVED'], EXCHANGE: ['APPROVED'] }, to: 'PICKUP_BOOKED' },
  // Goods come back through the booked pick-up (docs/customer-service.md): never straight from APPROVED.
  receive: { from: { RETURN: ['PICKUP_BOOKED'], EXCHANGE: ['PICKUP_BOOKED'] }, to: 'RECEIVED' },
  refund: { from: { RETURN: ['RECEIVED'], REFUND_ONLY: ['APPROVED'] }, to: 'REFUNDED' },
  reship: { from: { EXCHANGE: ['RECEIVED'] }, to: 'RESHIPPED' },
  cancel: {
    from: { RETURN: ['REQUESTED', 'APPROVED', 'PICKUP_BOOKED'], REFUND_ONLY: ['REQUESTED', 'APPROVED'], EXCHANGE: ['REQUESTED', 'APPROVED', 'PICKUP_BOOKED'] },
    to: 'CANCELLED',
  },
};
/** Order statuses before the goods leave (the channel's word, as customer service last heard it). */
const UNSHIPPED = new Set(['CREATED', 'PAID']);
const FINAL = new Set(['REFUNDED', 'RESHIPPED', 'REJECTED', 'CANCELLED']);

/**
 * After-sales cases (return, refund only, exchange) as a state machine with a 48-hour target:
 * trusted members' small claims are approved and refunded at once (极速退款); returned goods go
 * back to stock through inventory; refunds are events the rest of the shop acts on.
 */
@Injectable()
export class AfterSalesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly quality: QualityService,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  open(ctx: RequestContext, input: OpenCaseInput): Promise<AfterSalesCase | NotFoundError | RefundExceedsOrderError | OrderNotShippedError> {
    if (input.kind === AfterSalesKind.EXCHANGE && input.amountFen !== 0) throw invalidField('amountFen', 'must be 0 for an exchange');
    if (input.kind !== AfterSalesKind.EXCHANGE && input.amountFen === 0) throw invalidField('amountFen', 'must be above 0 for a refund');
    return this.unitOfWork.run(ctx, async (tx) => {
      const order = await selectRow<{ platform_user_id: string; total_fen: number; lines: Array<{ skuCode: string; quantity: number }>; status: string }>(
        tx.em,
        `SELECT platform_user_id, total_fen, lines, status FROM customer_order WHERE channel = $1 AND order_id = $2 FOR UPDATE`,
        [input.channel, input.orderId],
      );
      if (!order) refuse(NotFoundError.of('Order', `${input.channel}:${input.orderId}`));
      // Nothing left the warehouse: there is nothing to send back or swap, only money to refund before shipping.
      if (input.kind !== AfterSalesKind.REFUND_ONLY && UNSHIPPED.has(order.status)) refuse(OrderNotShippedError.of(input.orderId, order.status, input.kind));
      if (!order.lines.some((l) => l.skuCode === input.skuCode && l.quantity >= input.quantity))
        refuse(NotFoundError.of('Order line', `${input.orderId}/${input.skuCode} × ${input.quantity}`));
      const claimed = await this.claimedFen(tx, input.channel, input.orderId);
      if (claimed + input.amountFen > order.total_fen) refuse(RefundExceedsOrderError.of(order.total_fen, claimed, input.amountFen));
      const buyer = await selectRow<{ member_id: string | null; tier_code: string | null }>(
        tx.em,
        `SELECT b.member_id, t.tier_code FROM buyer b LEFT JOIN member_tier t ON t.member_id = b.member_id WHERE b.platform = $1 AND b.platform_user_id = $2`,
        [input.channel, order.platform_user_id],
      );
      const fastTrack =
        input.kind !== AfterSalesKind.EXCHANGE &&
        !!buyer?.tier_code &&
        this.config.fastTrack.tiers.includes(buyer.tier_code) &&
        input.amountFen <= this.config.fastTrack.maxFen;
      const [row] = await selectRows<CaseRow>(
        tx.em,
        `INSERT INTO after_sales_case (kind, status, channel, order_id, platform_user_id, member_id, sku_code, quantity, amount_fen, reason, reason_category, fast_tracked, due_at, conversation_id)
         VALUES ($1, 'REQUESTED', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + $12 * interval '1 hour', $13) RETURNING *`,
        [
          input.kind,
          input.channel,
          input.orderId,
          order.platform_user_id,
          buyer?.member_id ?? null,
          input.skuCode,
          input.quantity,
          input.amountFen,
          input.reason,
          input.reasonCategory,
          fastTrack,
          this.config.afterSalesHours,
          input.conversationId ?? null,
        ],
      );
      await this.record(tx, row.id, null, 'REQUESTED', input.reason);
      if (
        input.reasonCategory === AfterSalesReason.QUALITY ||
        input.reasonCategory === AfterSalesReason.NOT_AS_DESCRIBED ||
        input.reasonCategory === AfterSalesReason.SIZE
      ) {
        await this.quality.signal(tx, {
          skuCode: input.skuCode,
          reason: input.reasonCategory.toLowerCase().replace(/_/g, '-'),
          source: 'after-sales',
          reference: row.id,
        });
      }
      if (fastTrack) {
        await this.move(tx, row, 'APPROVED', 'fast track: trusted member, small amount');
        // 极速退款: the money goes back now; a return still comes back to the warehouse.
        await this.refund(tx, row, 'fast track');
        if (row.kind === AfterSalesKind.REFUND_ONLY) await this.move(tx, { ...row, status: 'APPROVED' }, 'REFUNDED', 'fast track');
      }
      return this.byIdIn(tx, row.id);
    });
  }

  act(ctx: RequestContext, input: CaseActionInput): Promise<AfterSalesCase | NotFoundError | IllegalCaseActionError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const row = await selectRow<CaseRow>(tx.em, `SELECT * FROM after_sales_case WHERE id = $1 FOR UPDATE`, [input.caseId]);
      if (!row) refuse(NotFoundError.of('After-sales case', input.caseId));
      const rule = ACTIONS[input.action];
      if (!rule.from[row.kind]?.includes(row.status)) refuse(IllegalCaseActionError.of(row.kind, row.status, input.action));
      let to = rule.to;
      if (input.action === 'book-pickup') {
        if (!isIsoWithOffset(input.pickupAt)) throw invalidField('pickupAt', 'is required to book a pick-up, as an existing ISO 8601 date-time with an offset');
        if (!input.pickupAddress) throw invalidField('pickupAddress', 'is required to book a pick-up');
        await execute(tx.em, `UPDATE after_sales_case SET pickup_at = $2, pickup_address = $3 WHERE id = $1`, [row.id, input.pickupAt, input.pickupAddress]);
      }
      // The goods of the case: what comes back on `receive`, what goes out again on `reship`.
      const goods = {
        caseId: row.id,
        channel: row.channel,
        orderId: row.order_id,
        skuCode: row.sku_code,
        quantity: row.quantity,
        ...(input.locationCode ? { locationCode: input.locationCode } : {}),
      };
      if (input.action === 'receive') {
        tx.emit(ReturnReceived, goods);
        // A fast-tracked return was refunded already: receiving the goods completes it.
        if (row.kind === AfterSalesKind.RETURN && row.refunded_fen >= row.amount_fen) to = 'REFUNDED';
      }
      if (input.action === 'reship') tx.emit(ReplacementShipped, goods);
      if (input.action === 'refund') await this.refund(tx, row, input.note ?? 'refund');
      await this.move(tx, row, to, input.note ?? input.action);
      return this.byIdIn(tx, row.id);
    });
  }

  async cases(
    filter: { memberIds?: readonly string[]; status?: string; orderId?: string },
    first: number,
  ): Promise<Array<AfterSalesCase & { memberId: string | null }>> {
    const rows = await selectRows<CaseRow>(
      this.dataSource,
      `SELECT * FROM after_sales_case WHERE ($1::uuid[] IS NULL OR member_id = ANY ($1)) AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR order_id = $3)
        ORDER BY created_at DESC LIMIT $4`,
      [filter.memberIds ?? null, filter.status ?? null, filter.orderId ?? null, first],
    );
    return rows.map((r) => Object.assign(toCase(r), { memberId: r.member_id }));
  }

  async historyOf(caseIds: readonly string[]): Promise<Array<CaseTransition & { caseId: string }>> {
    const rows = await selectRows<{ case_id: string; from_status: string | null; to_status: string; actor: string; note: string | null; at: Date }>(
      this.dataSource,
      `SELECT case_id, from_status, to_status, actor, note, at FROM case_transition WHERE case_id = ANY ($1::uuid[]) ORDER BY id`,
      [caseIds],
    );
    return rows.map((r) =>
      Object.assign(new CaseTransition(), { caseId: r.case_id, from: r.from_status, to: r.to_status, actor: r.actor, note: r.note, at: r.at }),
    );
  }

  /** Money already promised back on an order by cases that are not rejected or cancelled. */
  private async claimedFen(tx: TransactionContext, channel: string, orderId: string): Promise<number> {
    const [{ fen }] = await selectRows<{ fen: number }>(
      tx.em,
      `SELECT coalesce(sum(amount_fen), 0)::int AS fen FROM after_sales_case WHERE channel = $1 AND order_id = $2 AND status NOT IN ('REJECTED', 'CANCELLED')`,
      [channel, orderId],
    );
    return fen;
  }

  private async refund(tx: TransactionContext, row: CaseRow, reason: string): Promise<void> {
    const amount = row.amount_fen - row.refunded_fen;
    if (amount <= 0) return;
    await execute(tx.em, `UPDATE after_sales_case SET refunded_fen = amount_fen WHERE id = $1`, [row.id]);
    row.refunded_fen = row.amount_fen;
    tx.emit(RefundIssued, {
      caseId: row.id,
      channel: row.channel,
      orderId: row.order_id,
      amountFen: amount,
      reason,
      lines: [{ skuCode: row.sku_code, quantity: row.quantity }],
    });
  }

  private async move(tx: TransactionContext, row: CaseRow, to: string, note: string): Promise<void> {
    await execute(tx.em, `UPDATE after_sales_case SET status = $2, updated_at = now(), completed_at = CASE WHEN $3 THEN now() END WHERE id = $1`, [
      row.id,
      to,
      FINAL.has(to),
    ]);
    await this.record(tx, row.id, row.status, to, note);
    row.status = to;
  }

  private async record(tx: TransactionContext, caseId: string, from: string | null, to: string, note: string): Promise<void> {
    await execute(tx.em, `INSERT INTO case_transition (case_id, from_status, to_status, actor, note) VALUES ($1, $2, $3, $4, $5)`, [
      caseId,
      from,
      to,
      tx.identity.subject,
      note,
    ]);
  }

  private async byIdIn(tx: TransactionContext, id: string): Promise<AfterSalesCase> {
    const [row] = await selectRows<CaseRow>(tx.em, `SELECT * FROM after_sales_case WHERE id = $1`, [id]);
    return toCase(row);
  }
}

function toCase(r: CaseRow): AfterSalesCase {
  return Object.assign(new AfterSalesCase(), {
    id: r.id,
    kind: r.kind,
    status: r.status,
    channel: r.channel,
    orderId: r.order_id,
    skuCode: r.sku_code,
    quantity: r.quantity,
    amountFen: r.amount_fen,
    refundedFen: r.refunded_fen,
    reasonCategory: r.reason_category,
    reason: r.reason,
    fastTracked: r.fast_tracked,
    pickupAt: r.pickup_at,
    dueAt: r.due_at,
    completedAt: r.completed_at,
    createdAt: r.created_at,
  });
}
