import { Injectable } from '@nestjs/common';
import { Scheduled, selectRow, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ratio } from '../figures';
import { FunnelBreakdown, FunnelsService } from '../funnels/funnels.service';
import { KpiGrain, KpisService, type KpiRow } from '../kpis/kpis.service';
import { TrafficService } from '../traffic/traffic.service';
import { Report, type ReportData, type ReportRow } from './report';
import { toReport } from './report-page';

const DAY_MS = 86_400_000;
/** Today in Asia/Shanghai (UTC+8, no daylight saving). */
const shopToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * Daily (yesterday) and weekly (last Monday–Sunday) reports built by scheduled jobs in the shop's
 * calendar: sales, traffic, conversion, AOV; stored, served as JSON, CSV and an HTML page with charts.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly kpis: KpisService,
    private readonly funnels: FunnelsService,
    private readonly traffic: TrafficService,
  ) {}

  @Scheduled({ name: 'analytics.daily-report', cron: '0 7 * * *', timezone: 'Asia/Shanghai' })
  async daily(ctx: RequestContext): Promise<void> {
    const yesterday = addDays(shopToday(), -1);
    await this.generate(ctx, 'DAILY', yesterday, yesterday);
  }

  @Scheduled({ name: 'analytics.weekly-report', cron: '30 7 * * 1', timezone: 'Asia/Shanghai' })
  async weekly(ctx: RequestContext): Promise<void> {
    const today = shopToday();
    const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) - 7);
    await this.generate(ctx, 'WEEKLY', monday, addDays(monday, 6));
  }

  /** Builds (or rebuilds) the report of a period. */
  async generate(ctx: RequestContext, kind: 'DAILY' | 'WEEKLY', from: string, to: string): Promise<Report> {
    const days = await this.kpis.kpis(from, to, KpiGrain.DAY, false, undefined, undefined);
    const [funnel] = await this.funnels.funnel({ from, to, windowMinutes: 1440, breakdown: FunnelBreakdown.NONE });
    const traffic = await this.traffic.mix(from, to);
    const sum = (f: (r: KpiRow) => number) => days.reduce((n, r) => n + f(r), 0);
    const visitors = traffic.visitors;
    const orders = sum((r) => r.orders);
    const gmv = sum((r) => r.gmvFen);
    const data: ReportData = {
      totals: {
        visitors,
        orders,
        gmvFen: gmv,
        refundFen: sum((r) => r.refundFen),
        conversionRate: ratio(orders, visitors),
        aovFen: orders ? Math.round(gmv / orders) : null,
      },
      days,
      funnel: funnel.steps.map((s) => ({ step: s.step, visitors: s.visitors })),
      traffic,
    };
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<ReportRow>(
        tx.em,
        `INSERT INTO report (kind, period_start, period_end, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, period_start) DO UPDATE SET data = EXCLUDED.data, period_end = EXCLUDED.period_end, created_at = now() RETURNING *`,
        [kind, from, to, JSON.stringify(data)],
      );
      return toReport(row);
    });
  }

  async list(kind: string | undefined, first: number): Promise<Report[]> {
    const rows = await selectRows<ReportRow>(this.dataSource, `SELECT * FROM report WHERE $1::text IS NULL OR kind = $1 ORDER BY period_start DESC LIMIT $2`, [
      kind ?? null,
      first,
    ]);
    return rows.map(toReport);
  }

  async byId(id: string): Promise<Report | null> {
    const row = await selectRow<ReportRow>(this.dataSource, `SELECT * FROM report WHERE id = $1`, [id]);
    return row ? toReport(row) : null;
  }
}
