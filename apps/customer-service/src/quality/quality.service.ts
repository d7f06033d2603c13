import { Inject, Injectable } from '@nestjs/common';
import { QualityIssueOpened, QualityIssueRecurred } from '@shopops/contracts';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { QualityIssue } from './quality.model';

/**
 * Quality tracing: each after-sales reason and negative review about a SKU is a signal; enough
 * of one reason in the window opens a quality issue, sent to inventory for supplier grading, and
 * every later signal of that reason adds to the open issue and is sent again with the new total.
 */
@Injectable()
export class QualityService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  async signal(tx: TransactionContext, s: { skuCode: string; reason: string; source: 'after-sales' | 'review'; reference: string }): Promise<void> {
    const added = await selectRows<{ id: string }>(
      tx.em,
      `INSERT INTO quality_signal (sku_code, reason, source, reference) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [s.skuCode, s.reason, s.source, s.reference],
    );
    if (!added.length) return; // a signal seen before (a replay) counts once
    // Signals about one SKU and reason are counted one transaction at a time.
    await execute(tx.em, `SELECT pg_advisory_xact_lock(hashtext($1))`, [`quality:${s.skuCode}:${s.reason}`]);
    const [recurred] = await selectRows<{ id: string; occurrences: number; source: 'after-sales' | 'review' }>(
      tx.em,
      `UPDATE quality_issue SET occurrences = occurrences + 1 WHERE sku_code = $1 AND reason = $2 AND status = 'OPEN' RETURNING id, occurrences, source`,
      [s.skuCode, s.reason],
    );
    if (recurred) {
      tx.emit(QualityIssueRecurred, { issueId: recurred.id, skuCode: s.skuCode, reason: s.reason, source: recurred.source, occurrences: recurred.occurrences });
      return;
    }
    const [{ n }] = await selectRows<{ n: number }>(
      tx.em,
      `SELECT count(*)::int AS n FROM quality_signal WHERE sku_code = $1 AND reason = $2 AND at > now() - $3 * interval '1 day'`,
      [s.skuCode, s.reason, this.config.quality.windowDays],
    );
    if (n < this.config.quality.threshold) return;
    const [issue] = await selectRows<{ id: string }>(
      tx.em,
      `INSERT INTO quality_issue (sku_code, reason, source, occurrences) VALUES ($1, $2, $3, $4) RETURNING id`,
      [s.skuCode, s.reason, s.source, n],
    );
    tx.emit(QualityIssueOpened, { issueId: issue.id, skuCode: s.skuCode, reason: s.reason, source: s.source, occurrences: n });
  }

  async issues(skuCode: string | undefined): Promise<QualityIssue[]> {
    const rows = await selectRows<{ id: string; sku_code: string; reason: string; source: string; occurrences: number; status: string; opened_at: Date }>(
      this.dataSource,
      `SELECT * FROM quality_issue WHERE $1::text IS NULL OR sku_code = $1 ORDER BY opened_at DESC LIMIT 200`,
      [skuCode ?? null],
    );
    return rows.map((r) =>
      Object.assign(new QualityIssue(), {
        id: r.id,
        skuCode: r.sku_code,
        reason: r.reason,
        source: r.source,
        occurrences: r.occurrences,
        status: r.status,
        openedAt: r.opened_at,
      }),
    );
  }
}
