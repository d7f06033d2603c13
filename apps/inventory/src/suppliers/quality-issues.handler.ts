import { Injectable } from '@nestjs/common';
import { QualityIssueOpened, QualityIssueRecurred, type EventEnvelope, type QualityIssueOpenedPayload } from '@shopops/contracts';
import { execute, OnEvent, selectRow, type TransactionContext } from '@shopops/platform';
import { SuppliersService } from './suppliers.service';

/** Quality issues customer service opens count against the SKU's supplier (returned goods: ../after-sales). */
@Injectable()
export class AfterSalesSignalsHandler {
  constructor(private readonly suppliers: SuppliersService) {}

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
}
