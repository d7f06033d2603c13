import { Injectable } from '@nestjs/common';
import {
  QualityIssueOpened,
  QualityIssueRecurred,
  ReturnReceived,
  type EventEnvelope,
  type QualityIssueOpenedPayload,
  type ReturnReceivedPayload,
} from '@shopops/contracts';
import { execute, OnEvent, selectRow, selectRows, type TransactionContext } from '@shopops/platform';
import { StockLedger } from '../stock/stock-ledger';
import { SuppliersService } from './suppliers.service';

/** What customer service learns about goods comes back here: quality issues and returned units. */
@Injectable()
export class AfterSalesSignalsHandler {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly ledger: StockLedger,
  ) {}

  /**
   * A quality issue counts against the SKU's primary supplier and regrades it, when it opens and
   * on every later complaint; the highest total seen wins, so replays and reordering change nothing.
   */
  @OnEvent(QualityIssueOpened, QualityIssueRecurred)
  async recordQualityIssue(tx: TransactionContext, event: EventEnvelope<QualityIssueOpenedPayload>): Promise<void> {
    const issue = event.payload;
    const primary = await selectRow<{ supplier_code: string }>(
      tx.em,
      `SELECT supplier_code FROM sku_supplier WHERE sku_code = $1 ORDER BY backup_order LIMIT 1`,
      [issue.skuCode],
    );
    await execute(
      tx.em,
      `INSERT INTO quality_issue (issue_id, sku_code, supplier_code, reason, source, occurrences) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (issue_id) DO UPDATE SET occurrences = greatest(quality_issue.occurrences, EXCLUDED.occurrences)`,
      [issue.issueId, issue.skuCode, primary?.supplier_code ?? null, issue.reason, issue.source, issue.occurrences],
    );
    if (primary) await this.suppliers.regrade(tx, primary.supplier_code);
  }

  /** Returned goods are back on the shelf of the location that received them. */
  @OnEvent(ReturnReceived)
  async putReturnBackInStock(tx: TransactionContext, event: EventEnvelope<ReturnReceivedPayload>): Promise<void> {
    const item = event.payload;
    const locationCode = item.locationCode ?? 'CENTRAL';
    const known = (await selectRows(tx.em, `SELECT 1 FROM known_sku WHERE sku_code = $1`, [item.skuCode])).length > 0;
    if (!known) return; // a return of something never stocked here: nothing to put back
    await this.ledger.lockLevels(tx, [item.skuCode]);
    await this.ledger.record(tx, [
      {
        skuCode: item.skuCode,
        locationCode,
        kind: 'RETURN',
        onHandDelta: item.quantity,
        reservedDelta: 0,
        reference: `return:${item.channel}:${item.orderId}:${item.caseId}`,
      },
    ]);
  }
}
