import { Injectable } from '@nestjs/common';
import {
  execute,
  InvalidStateError,
  NotFoundError,
  refuse,
  selectRow,
  selectRows,
  UnitOfWork,
  type Queryable,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReplenishmentService } from '../replenishment/replenishment.service';
import { StockLedger } from '../stock/stock-ledger';
import {
  BelowMinimumOrderError,
  PurchaseOrder,
  PurchaseOrderStatus,
  ReceiveExceedsOrderedError,
  type CreatePurchaseOrderInput,
  type PurchaseOrderProgressInput,
  type ReceivePurchaseOrderInput,
} from './supplier.model';
import { SuppliersService } from './suppliers.service';

interface PurchaseOrderRow {
  id: string;
  number: string;
  supplier_code: string;
  status: PurchaseOrderStatus;
  location_code: string;
  expected_at: Date;
  progress_percent: number;
  progress_note: string | null;
  created_at: Date;
}

interface PurchaseOrderLineRow {
  purchase_order_id: string;
  sku_code: string;
  quantity_ordered: number;
  quantity_received: number;
  unit_cost_fen: number;
}

const OPEN_FOR_RECEIVING = [PurchaseOrderStatus.SENT, PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.PARTLY_RECEIVED];
const TRANSITIONS: Record<'send' | 'confirm' | 'cancel', { from: PurchaseOrderStatus[]; to: PurchaseOrderStatus }> = {
  send: { from: [PurchaseOrderStatus.DRAFT], to: PurchaseOrderStatus.SENT },
  confirm: { from: [PurchaseOrderStatus.SENT], to: PurchaseOrderStatus.CONFIRMED },
  cancel: { from: [PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SENT, PurchaseOrderStatus.CONFIRMED], to: PurchaseOrderStatus.CANCELLED },
};

/** Purchase orders: draft → sent → confirmed → partly received → received (or cancelled). */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly ledger: StockLedger,
    private readonly suppliers: SuppliersService,
    private readonly replenishment: ReplenishmentService,
  ) {}

  create(ctx: RequestContext, input: CreatePurchaseOrderInput): Promise<PurchaseOrder | NotFoundError | BelowMinimumOrderError> {
    return this.unitOfWork.run(ctx, (tx) => this.insert(tx, input));
  }

  /** The replenishment loop: one draft PO per primary supplier for every open suggestion. */
  draftFromSuggestions(ctx: RequestContext): Promise<PurchaseOrder[]> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const suggestions = (await this.replenishment.openSuggestions(tx.em)).filter((s) => s.suggestedQuantity > 0 && s.supplierCode);
      const groups = new Map<string, typeof suggestions>();
      for (const s of suggestions)
        groups.set(`${s.supplierCode}\u0000${s.locationCode}`, [...(groups.get(`${s.supplierCode}\u0000${s.locationCode}`) ?? []), s]);
      const drafts: PurchaseOrder[] = [];
      for (const group of groups.values()) {
        const leadTime = Math.max(...group.map((s) => s.leadTimeDays));
        const created = await this.insert(tx, {
          supplierCode: group[0].supplierCode as string,
          locationCode: group[0].locationCode,
          expectedAt: new Date(Date.now() + leadTime * 86_400_000).toISOString(),
          lines: group.map((s) => ({ skuCode: s.skuCode, quantity: s.suggestedQuantity })),
        });
        if (created instanceof PurchaseOrder) drafts.push(created);
      }
      return drafts;
    });
  }

  transition(ctx: RequestContext, id: string, action: keyof typeof TRANSITIONS): Promise<PurchaseOrder | NotFoundError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const po = await this.lock(tx, id);
      const rule = TRANSITIONS[action];
      if (!rule.from.includes(po.status)) refuse(InvalidStateError.of('Purchase order', po.status, action));
      await execute(
        tx.em,
        `UPDATE purchase_order SET status = $2, sent_at = CASE WHEN $2 = 'SENT' THEN now() ELSE sent_at END,
                confirmed_at = CASE WHEN $2 = 'CONFIRMED' THEN now() ELSE confirmed_at END,
                cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN now() ELSE cancelled_at END WHERE id = $1`,
        [po.id, rule.to],
      );
      return this.get(tx, po.id);
    });
  }

  updateProgress(ctx: RequestContext, input: PurchaseOrderProgressInput): Promise<PurchaseOrder | NotFoundError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const po = await this.lock(tx, input.purchaseOrderId);
      if (!OPEN_FOR_RECEIVING.includes(po.status)) refuse(InvalidStateError.of('Purchase order', po.status, 'report progress'));
      await execute(tx.em, `UPDATE purchase_order SET progress_percent = $2, progress_note = $3 WHERE id = $1`, [
        po.id,
        input.progressPercent,
        input.note ?? null,
      ]);
      return this.get(tx, po.id);
    });
  }

  /** Goods arrived: stock goes up at the PO's location, the supplier's on-time record too. */
  receive(ctx: RequestContext, input: ReceivePurchaseOrderInput): Promise<PurchaseOrder | NotFoundError | InvalidStateError | ReceiveExceedsOrderedError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const po = await this.lock(tx, input.purchaseOrderId);
      if (!OPEN_FOR_RECEIVING.includes(po.status)) refuse(InvalidStateError.of('Purchase order', po.status, 'receive'));
      const lines = await selectRows<{ sku_code: string; outstanding: number }>(
        tx.em,
        `SELECT sku_code, quantity_ordered - quantity_received AS outstanding FROM purchase_order_line WHERE purchase_order_id = $1`,
        [po.id],
      );
      for (const line of input.lines) {
        const ordered = lines.find((l) => l.sku_code === line.skuCode);
        if (!ordered) refuse(NotFoundError.of(`Line of purchase order ${po.number}`, line.skuCode));
        if (line.quantity > ordered.outstanding) {
          refuse(
            Object.assign(new ReceiveExceedsOrderedError(), {
              errorCode: 'RECEIVE_EXCEEDS_ORDERED',
              message: `${line.quantity} of ${line.skuCode} received but only ${ordered.outstanding} outstanding on ${po.number}`,
              skuCode: line.skuCode,
              quantityOutstanding: ordered.outstanding,
              quantityReceived: line.quantity,
            }),
          );
        }
      }
      const onTime = Date.now() <= po.expected_at.getTime();
      await execute(
        tx.em,
        `UPDATE purchase_order_line l SET quantity_received = l.quantity_received + d.quantity
           FROM unnest($2::text[], $3::int[]) AS d(sku_code, quantity) WHERE l.purchase_order_id = $1 AND l.sku_code = d.sku_code`,
        [po.id, input.lines.map((l) => l.skuCode), input.lines.map((l) => l.quantity)],
      );
      await execute(
        tx.em,
        `INSERT INTO purchase_order_receipt (purchase_order_id, sku_code, location_code, quantity, on_time)
         SELECT $1, d.sku_code, $2, d.quantity, $3 FROM unnest($4::text[], $5::int[]) AS d(sku_code, quantity)`,
        [po.id, po.location_code, onTime, input.lines.map((l) => l.skuCode), input.lines.map((l) => l.quantity)],
      );
      await this.ledger.record(
        tx,
        input.lines.map((l) => ({
          skuCode: l.skuCode,
          locationCode: po.location_code,
          kind: 'RECEIPT' as const,
          onHandDelta: l.quantity,
          reservedDelta: 0,
          reference: `po:${po.number}`,
        })),
      );
      // An aggregate without GROUP BY answers exactly one row.
      const [{ outstanding }] = await selectRows<{ outstanding: number }>(
        tx.em,
        `SELECT coalesce(sum(quantity_ordered - quantity_received), 0)::int AS outstanding FROM purchase_order_line WHERE purchase_order_id = $1`,
        [po.id],
      );
      await execute(tx.em, `UPDATE purchase_order SET status = $2, received_at = CASE WHEN $2 = 'RECEIVED' THEN now() ELSE received_at END WHERE id = $1`, [
        po.id,
        outstanding === 0 ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTLY_RECEIVED,
      ]);
      await this.suppliers.regrade(tx, po.supplier_code);
      return this.get(tx, po.id);
    });
  }

  async list(status?: PurchaseOrderStatus): Promise<PurchaseOrder[]> {
    const ids = await selectRows<{ id: string }>(
      this.dataSource,
      `SELECT id FROM purchase_order WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC LIMIT 200`,
      [status ?? null],
    );
    return this.getMany(
      this.dataSource,
      ids.map((r) => r.id),
    );
  }

  private async insert(tx: TransactionContext, input: CreatePurchaseOrderInput): Promise<PurchaseOrder | NotFoundError | BelowMinimumOrderError> {
    if (!(await selectRows(tx.em, `SELECT 1 FROM supplier WHERE code = $1`, [input.supplierCode])).length)
      refuse(NotFoundError.of('Supplier', input.supplierCode));
    if (!(await selectRows(tx.em, `SELECT 1 FROM location WHERE code = $1`, [input.locationCode])).length)
      refuse(NotFoundError.of('Location', input.locationCode));
    const links = await selectRows<{ sku_code: string; moq: number; unit_cost_fen: number }>(
      tx.em,
      `SELECT sku_code, moq, unit_cost_fen FROM sku_supplier WHERE supplier_code = $1 AND sku_code = ANY($2::text[])`,
      [input.supplierCode, input.lines.map((l) => l.skuCode)],
    );
    for (const line of input.lines) {
      const link = links.find((l) => l.sku_code === line.skuCode);
      if (!link) refuse(NotFoundError.of(`SKU of supplier ${input.supplierCode}`, line.skuCode));
      if (line.quantity < link.moq) {
        refuse(
          Object.assign(new BelowMinimumOrderError(), {
            errorCode: 'BELOW_MINIMUM_ORDER',
            message: `${line.quantity} of ${line.skuCode} is under the supplier's minimum order of ${link.moq}`,
            skuCode: line.skuCode,
            quantity: line.quantity,
            moq: link.moq,
          }),
        );
      }
    }
    const id = randomUUID();
    const [{ n }] = await selectRows<{ n: number }>(tx.em, `SELECT count(*)::int + 1 AS n FROM purchase_order`);
    const number = `PO-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${String(n).padStart(5, '0')}-${id.slice(0, 4)}`;
    await execute(
      tx.em,
      `INSERT INTO purchase_order (id, number, supplier_code, status, location_code, expected_at, created_by) VALUES ($1, $2, $3, 'DRAFT', $4, $5, $6)`,
      [id, number, input.supplierCode, input.locationCode, input.expectedAt, tx.identity.subject],
    );
    await execute(
      tx.em,
      `INSERT INTO purchase_order_line (purchase_order_id, sku_code, quantity_ordered, unit_cost_fen)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[])`,
      [
        id,
        input.lines.map((l) => l.skuCode),
        input.lines.map((l) => l.quantity),
        input.lines.map((l) => l.unitCostFen ?? links.find((k) => k.sku_code === l.skuCode)?.unit_cost_fen ?? 0),
      ],
    );
    return this.get(tx, id);
  }

  private async lock(tx: TransactionContext, id: string): Promise<PurchaseOrderRow> {
    const po = await selectRow<PurchaseOrderRow>(tx.em, `SELECT * FROM purchase_order WHERE id::text = $1 FOR UPDATE`, [id]);
    if (!po) refuse(NotFoundError.of('Purchase order', id));
    return po;
  }

  private async get(tx: TransactionContext, id: string): Promise<PurchaseOrder> {
    return (await this.getMany(tx.em, [id]))[0];
  }

  /** Purchase orders with their lines in two statements, whatever their number. */
  private async getMany(db: Queryable, ids: string[]): Promise<PurchaseOrder[]> {
    if (ids.length === 0) return [];
    const orders = await selectRows<PurchaseOrderRow>(db, `SELECT * FROM purchase_order WHERE id = ANY($1::uuid[])`, [ids]);
    const lines = await selectRows<PurchaseOrderLineRow>(db, `SELECT * FROM purchase_order_line WHERE purchase_order_id = ANY($1::uuid[]) ORDER BY sku_code`, [
      ids,
    ]);
    const byId = new Map(orders.map((po) => [po.id, po]));
    return ids.map((id) => {
      const po = byId.get(id) as PurchaseOrderRow;
      return Object.assign(new PurchaseOrder(), {
        id: po.id,
        number: po.number,
        supplierCode: po.supplier_code,
        status: po.status,
        locationCode: po.location_code,
        expectedAt: po.expected_at,
        progressPercent: po.progress_percent,
        progressNote: po.progress_note,
        createdAt: po.created_at,
        lines: lines
          .filter((l) => l.purchase_order_id === id)
          .map((l) => ({ skuCode: l.sku_code, quantityOrdered: l.quantity_ordered, quantityReceived: l.quantity_received, unitCostFen: l.unit_cost_fen })),
      });
    });
  }
}
