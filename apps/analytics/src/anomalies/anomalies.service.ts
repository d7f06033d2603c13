import { Inject, Injectable } from '@nestjs/common';
import { AnomalyDetected, AnomalyResolved } from '@shopops/contracts';
import { Scheduled, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { round4 } from '../figures';
import { PAID_SOURCES } from '../traffic/traffic.service';
import { toAlert, type AnomalyAlert, type AnomalyAlertRow } from './anomaly-alert';

interface Finding {
  metric: string;
  dimension: string;
  team: string;
  observed: number;
  expected: number;
  anomalous: boolean;
  severity: 'info' | 'warning' | 'critical';
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Hourly metrics against a rolling baseline of the same weekday and hour in earlier weeks
 * (mean ± N standard deviations, with a minimum volume so quiet hours do not page anyone), plus
 * the paid-traffic share against its limit. An alert is raised once and stays open (no repeats)
 * until the metric is back in its band, when it is resolved — both as events for the team.
 */
@Injectable()
export class AnomaliesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  @Scheduled({ name: 'analytics.anomalies', cron: '5 * * * *' })
  async hourly(ctx: RequestContext): Promise<void> {
    const lastHour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
    await this.detect(ctx, lastHour);
  }

  /** Evaluates one hour (also for ops re-running detection); answers the alerts open afterwards. */
  detect(ctx: RequestContext, hour: Date): Promise<AnomalyAlert[]> {
    const start = new Date(Math.floor(hour.getTime() / 3_600_000) * 3_600_000);
    return this.unitOfWork.run(ctx, async (tx) => {
      const hours = [start, ...Array.from({ length: this.config.baselineWeeks }, (_, k) => new Date(start.getTime() - (k + 1) * WEEK_MS))];
      const rows = await selectRows<{ hour: Date; channel: string; metric: string; value: string }>(
        tx.em,
        `SELECT hour, channel, metric, value FROM kpi_hourly WHERE hour = ANY ($1::timestamptz[])`,
        [hours],
      );
      const series = (metric: string, channel: string) =>
        hours.map((h) => Number(rows.find((r) => r.metric === metric && r.channel === channel && r.hour.getTime() === h.getTime())?.value ?? 0));
      const findings: Finding[] = [];
      for (const channel of new Set(rows.map((r) => r.channel))) {
        const traffic = series('traffic', channel);
        const payments = series('payments', channel);
        const refunds = series('refunds', channel);
        const t = this.deviation(traffic);
        findings.push({
          metric: 'traffic-surge',
          dimension: channel,
          team: 'marketing',
          ...t,
          anomalous: t.anomalous && t.observed > t.expected,
          severity: 'warning',
        });
        findings.push({
          metric: 'traffic-drop',
          dimension: channel,
          team: 'ecommerce',
          ...t,
          anomalous: t.anomalous && t.observed < t.expected,
          severity: 'critical',
        });
        const p = this.deviation(payments);
        findings.push({
          metric: 'payments-drop',
          dimension: channel,
          team: 'ecommerce',
          ...p,
          anomalous: p.anomalous && p.observed < p.expected,
          severity: 'critical',
        });
        const r = this.deviation(refunds);
        findings.push({
          metric: 'refund-spike',
          dimension: channel,
          team: 'customer-service',
          ...r,
          anomalous: r.anomalous && r.observed > r.expected,
          severity: 'warning',
        });
        // Conversion per hour: payments over traffic, against the baseline hours' rates.
        const rates = traffic.map((v, i) => (v ? payments[i] / v : 0));
        const c = this.deviation(rates, traffic[0] >= this.config.anomalyMinVolume);
        findings.push({
          metric: 'conversion-drop',
          dimension: channel,
          team: 'ecommerce',
          ...c,
          anomalous: c.anomalous && c.observed < c.expected,
          severity: 'critical',
        });
      }
      findings.push(await this.paidShare(tx, start));
      for (const f of findings) await this.apply(tx, f, start);
      const open = await selectRows<AnomalyAlertRow>(tx.em, `SELECT * FROM anomaly_alert WHERE status = 'OPEN' ORDER BY opened_at`);
      return open.map(toAlert);
    });
  }

  async alerts(status: string | undefined): Promise<AnomalyAlert[]> {
    const rows = await selectRows<AnomalyAlertRow>(
      this.dataSource,
      `SELECT * FROM anomaly_alert WHERE $1::text IS NULL OR status = $1 ORDER BY opened_at DESC LIMIT 200`,
      [status ?? null],
    );
    return rows.map(toAlert);
  }

  /** Observed is the first value; the rest are the baseline. */
  private deviation(values: number[], enoughVolume?: boolean): { observed: number; expected: number; anomalous: boolean } {
    const [observed, ...baseline] = values;
    const mean = baseline.reduce((s, v) => s + v, 0) / baseline.length;
    const variance = baseline.length > 1 ? baseline.reduce((s, v) => s + (v - mean) ** 2, 0) / (baseline.length - 1) : 0;
    // A perfectly flat baseline still has noise: at least 10% of its level, and one unit.
    const std = Math.max(Math.sqrt(variance), Math.abs(mean) * 0.1, mean > 1 ? 1 : 0.01);
    const volume = enoughVolume ?? Math.max(observed, mean) >= this.config.anomalyMinVolume;
    return { observed: round4(observed), expected: round4(mean), anomalous: volume && Math.abs(observed - mean) > this.config.anomalySigmas * std };
  }

  private async paidShare(tx: TransactionContext, hour: Date): Promise<Finding> {
    const [r] = await selectRows<{ visitors: number; paid: number }>(
      tx.em,
      `SELECT count(DISTINCT visitor_id)::int AS visitors, count(DISTINCT visitor_id) FILTER (WHERE source = ANY ($2))::int AS paid
         FROM daily_visitor WHERE day = ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`,
      [hour, PAID_SOURCES],
    );
    const share = r.visitors ? r.paid / r.visitors : 0;
    const limit = this.config.paidShareLimitPercent / 100;
    return {
      metric: 'paid-share',
      dimension: 'shop',
      team: 'marketing',
      observed: round4(share),
      expected: limit,
      anomalous: r.visitors >= this.config.anomalyMinVolume && share > limit,
      severity: 'warning',
    };
  }

  private async apply(tx: TransactionContext, f: Finding, hour: Date): Promise<void> {
    const payload = { metric: f.metric, dimension: f.dimension, observed: f.observed, expected: f.expected, severity: f.severity, team: f.team };
    if (f.anomalous) {
      const opened = await selectRow<{ id: string }>(
        tx.em,
        `INSERT INTO anomaly_alert (metric, dimension, team, severity, observed, expected, hour) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (metric, dimension) WHERE status = 'OPEN' DO NOTHING RETURNING id`,
        [f.metric, f.dimension, f.team, f.severity, f.observed, f.expected, hour],
      );
      if (opened) tx.emit(AnomalyDetected, { alertId: opened.id, ...payload });
      return;
    }
    const resolved = await selectRows<{ id: string }>(
      tx.em,
      `WITH r AS (UPDATE anomaly_alert SET status = 'RESOLVED', resolved_at = now() WHERE metric = $1 AND dimension = $2 AND status = 'OPEN' AND hour < $3 RETURNING id) SELECT id FROM r`,
      [f.metric, f.dimension, hour],
    );
    for (const r of resolved) tx.emit(AnomalyResolved, { alertId: r.id, ...payload });
  }
}
