import { Inject, Injectable } from '@nestjs/common';
import { SupplierGraded } from '@shopops/contracts';
import { execute, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { meetsOnTimeTarget, SUPPLIER_GRADING, type SupplierGradingPolicy, type SupplierPerformance } from './supplier-grading.policy';
import { SkuSupplierLink, Supplier, type LinkSkuSupplierInput, type UpsertSupplierInput } from './supplier.model';

interface SupplierRow {
  code: string;
  name: string;
  kind: string;
  contact: string | null;
  grade: string | null;
  score: string | null;
  on_time_rate: string | null;
  quality_pass_rate: string | null;
  graded_at: Date | null;
}

const GRADING_WINDOW_DAYS = 180;

export const toSupplier = (r: SupplierRow, onTimeTarget: number): Supplier =>
  Object.assign(new Supplier(), {
    code: r.code,
    name: r.name,
    kind: r.kind,
    contact: r.contact,
    grade: r.grade,
    score: r.score === null ? null : Number(r.score),
    onTimeRate: r.on_time_rate === null ? null : Number(r.on_time_rate),
    onTimeTarget,
    meetsOnTimeTarget: meetsOnTimeTarget(r.on_time_rate === null ? null : Number(r.on_time_rate), onTimeTarget),
    qualityPassRate: r.quality_pass_rate === null ? null : Number(r.quality_pass_rate),
    gradedAt: r.graded_at,
  });

/** Suppliers, which SKUs they make (lead time, MOQ, cost, backup order), and their grades. */
@Injectable()
export class SuppliersService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(SUPPLIER_GRADING) private readonly grading: SupplierGradingPolicy,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  upsert(ctx: RequestContext, input: UpsertSupplierInput): Promise<Supplier> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<SupplierRow>(
        tx.em,
        `INSERT INTO supplier (code, name, kind, contact) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, contact = EXCLUDED.contact RETURNING *`,
        [input.code, input.name, input.kind, input.contact ?? null],
      );
      return toSupplier(row, this.config.supplierGrading.onTimeTarget);
    });
  }

  link(ctx: RequestContext, input: LinkSkuSupplierInput): Promise<SkuSupplierLink | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      if (!(await this.supplierExists(tx, input.supplierCode))) refuse(NotFoundError.of('Supplier', input.supplierCode));
      if (!(await selectRows(tx.em, `SELECT 1 FROM known_sku WHERE sku_code = $1`, [input.skuCode])).length) refuse(NotFoundError.of('SKU', input.skuCode));
      // The supplier leaves its old slot first; taking another supplier's slot moves it and those after it one place back
      // (a former primary becomes the first backup).
      await execute(tx.em, `DELETE FROM sku_supplier WHERE sku_code = $1 AND supplier_code = $2`, [input.skuCode, input.supplierCode]);
      await execute(
        tx.em,
        `WITH moved AS (
           DELETE FROM sku_supplier WHERE sku_code = $1 AND supplier_code <> $3 AND backup_order >= $2
              AND EXISTS (SELECT 1 FROM sku_supplier WHERE sku_code = $1 AND backup_order = $2 AND supplier_code <> $3)
           RETURNING *)
         INSERT INTO sku_supplier (sku_code, supplier_code, lead_time_days, moq, unit_cost_fen, backup_order)
         SELECT sku_code, supplier_code, lead_time_days, moq, unit_cost_fen, backup_order + 1 FROM moved`,
        [input.skuCode, input.backupOrder, input.supplierCode],
      );
      await execute(
        tx.em,
        `INSERT INTO sku_supplier (sku_code, supplier_code, lead_time_days, moq, unit_cost_fen, backup_order) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (sku_code, supplier_code) DO UPDATE SET lead_time_days = EXCLUDED.lead_time_days, moq = EXCLUDED.moq,
           unit_cost_fen = EXCLUDED.unit_cost_fen, backup_order = EXCLUDED.backup_order`,
        [input.skuCode, input.supplierCode, input.leadTimeDays, input.moq, input.unitCostFen, input.backupOrder],
      );
      return Object.assign(new SkuSupplierLink(), input);
    });
  }

  async list(): Promise<Supplier[]> {
    return (await selectRows<SupplierRow>(this.dataSource, `SELECT * FROM supplier ORDER BY code`)).map((r) =>
      toSupplier(r, this.config.supplierGrading.onTimeTarget),
    );
  }

  async linksOf(field: 'sku_code' | 'supplier_code', keys: readonly string[]): Promise<SkuSupplierLink[]> {
    const rows = await selectRows<{
      sku_code: string;
      supplier_code: string;
      lead_time_days: number;
      moq: number;
      unit_cost_fen: number;
      backup_order: number;
    }>(
      this.dataSource,
      field === 'sku_code'
        ? `SELECT * FROM sku_supplier WHERE sku_code = ANY($1::text[]) ORDER BY sku_code, backup_order`
        : `SELECT * FROM sku_supplier WHERE supplier_code = ANY($1::text[]) ORDER BY supplier_code, sku_code`,
      [keys],
    );
    return rows.map((r) =>
      Object.assign(new SkuSupplierLink(), {
        skuCode: r.sku_code,
        supplierCode: r.supplier_code,
        leadTimeDays: r.lead_time_days,
        moq: r.moq,
        unitCostFen: r.unit_cost_fen,
        backupOrder: r.backup_order,
      }),
    );
  }

  /** Recomputes a supplier's grade from the last half year; emits when the grade changes. */
  async regrade(tx: TransactionContext, supplierCode: string): Promise<void> {
    const performance = await this.performance(tx, supplierCode);
    const result = this.grading.grade(performance);
    const before = await selectRow<{ grade: string | null }>(tx.em, `SELECT grade FROM supplier WHERE code = $1 FOR UPDATE`, [supplierCode]);
    await execute(tx.em, `UPDATE supplier SET grade = $2, score = $3, on_time_rate = $4, quality_pass_rate = $5, graded_at = now() WHERE code = $1`, [
      supplierCode,
      result?.grade ?? null,
      result?.score ?? null,
      performance.onTimeRate,
      performance.qualityPassRate,
    ]);
    if (result && before?.grade !== result.grade) {
      tx.emit(SupplierGraded, {
        supplierCode,
        grade: result.grade,
        score: result.score,
        onTimeRate: performance.onTimeRate ?? 0,
        qualityPassRate: performance.qualityPassRate ?? 0,
      });
    }
  }

  private async performance(tx: TransactionContext, supplierCode: string): Promise<SupplierPerformance> {
    // Aggregates without GROUP BY: each answers exactly one row.
    const [receipts] = await selectRows<{ receipts: number; on_time: number; units: number }>(
      tx.em,
      `SELECT count(*)::int AS receipts, count(*) FILTER (WHERE r.on_time)::int AS on_time, coalesce(sum(r.quantity), 0)::int AS units
         FROM purchase_order_receipt r JOIN purchase_order p ON p.id = r.purchase_order_id
        WHERE p.supplier_code = $1 AND r.received_at > now() - ($2::int * interval '1 day')`,
      [supplierCode, GRADING_WINDOW_DAYS],
    );
    const [issues] = await selectRows<{ occurrences: number }>(
      tx.em,
      `SELECT coalesce(sum(occurrences), 0)::int AS occurrences FROM quality_issue WHERE supplier_code = $1 AND opened_at > now() - ($2::int * interval '1 day')`,
      [supplierCode, GRADING_WINDOW_DAYS],
    );
    const [cost] = await selectRows<{ cost_index: string | null }>(
      tx.em,
      `SELECT avg(best.cheapest::numeric / nullif(mine.unit_cost_fen, 0)) AS cost_index
         FROM sku_supplier mine
         JOIN (SELECT sku_code, min(unit_cost_fen) AS cheapest FROM sku_supplier GROUP BY sku_code) best USING (sku_code)
        WHERE mine.supplier_code = $1`,
      [supplierCode],
    );
    return {
      onTimeRate: receipts.receipts ? receipts.on_time / receipts.receipts : null,
      qualityPassRate: receipts.units ? Math.max(0, 1 - issues.occurrences / receipts.units) : null,
      costIndex: cost.cost_index === null ? 1 : Number(cost.cost_index),
    };
  }

  private async supplierExists(tx: TransactionContext, code: string): Promise<boolean> {
    return (await selectRows(tx.em, `SELECT 1 FROM supplier WHERE code = $1`, [code])).length > 0;
  }
}
