import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Scheduled, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { FunnelBreakdown, FunnelsService } from '../funnels/funnels.service';
import { KpiGrain, KpisService, type KpiRow } from '../kpis/kpis.service';
import { TrafficService, type TrafficMix } from '../traffic/traffic.service';
import { escapeHtml, funnelChart, lineChart, shareBars } from './charts';

@ObjectType()
export class Report {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'DAILY or WEEKLY' }) kind!: string;
  @Field(() => String) periodStart!: string;
  @Field(() => String) periodEnd!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'The figures, as JSON' }) json!: string;
  @Field(() => String, { description: 'Sales by day, as CSV' }) csv!: string;
  @Field(() => String, { description: 'A page with charts (also at the gateway’s /admin/reports/{id})' }) html!: string;
}

interface ReportData {
  totals: { visitors: number; orders: number; gmvFen: number; refundFen: number; conversionRate: number | null; aovFen: number | null };
  days: KpiRow[];
  funnel: Array<{ step: string; visitors: number }>;
  traffic: TrafficMix;
}

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
      totals: { visitors, orders, gmvFen: gmv, refundFen: sum((r) => r.refundFen), conversionRate: visitors ? Math.round((orders / visitors) * 10_000) / 10_000 : null, aovFen: orders ? Math.round(gmv / orders) : null },
      days,
      funnel: funnel.steps.map((s) => ({ step: s.step, visitors: s.visitors })),
      traffic,
    };
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await tx.em.query(
        `INSERT INTO report (kind, period_start, period_end, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, period_start) DO UPDATE SET data = EXCLUDED.data, period_end = EXCLUDED.period_end, created_at = now() RETURNING *`,
        [kind, from, to, JSON.stringify(data)],
      );
      return toReport(row);
    });
  }

  async list(kind: string | undefined, first: number): Promise<Report[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(`SELECT * FROM report WHERE $1::text IS NULL OR kind = $1 ORDER BY period_start DESC LIMIT $2`, [kind ?? null, first]);
    return rows.map(toReport);
  }

  async byId(id: string): Promise<Report | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM report WHERE id = $1`, [id])) as Array<Record<string, unknown>>;
    return row ? toReport(row) : null;
  }
}

function toReport(r: Record<string, unknown>): Report {
  const data = r.data as ReportData;
  const start = String(r.period_start instanceof Date ? r.period_start.toISOString().slice(0, 10) : r.period_start);
  const end = String(r.period_end instanceof Date ? r.period_end.toISOString().slice(0, 10) : r.period_end);
  const title = `${r.kind === 'DAILY' ? '日报' : '周报'} ${start}${start === end ? '' : ` – ${end}`}`;
  const t = data.totals;
  const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:720px}td,th{padding:.25rem .75rem;text-align:right}th:first-child,td:first-child{text-align:left}figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.5rem}</style></head>
<body><h1>ShopOps ${escapeHtml(title)}</h1>
<table><tr><th>访客 visitors</th><th>订单 orders</th><th>GMV</th><th>退款 refunds</th><th>转化率 conversion</th><th>客单价 AOV</th></tr>
<tr><td>${t.visitors}</td><td>${t.orders}</td><td>${yuan(t.gmvFen)}</td><td>${yuan(t.refundFen)}</td><td>${t.conversionRate === null ? '—' : `${(100 * t.conversionRate).toFixed(2)}%`}</td><td>${yuan(t.aovFen)}</td></tr></table>
${lineChart('Sales trend (GMV by day)', data.days.map((d) => ({ label: d.period, value: d.gmvFen })))}
${funnelChart('Funnel', data.funnel)}
${shareBars('Traffic mix', data.traffic.sources.map((s) => ({ label: s.source, share: s.share })))}
</body></html>`;
  return Object.assign(new Report(), {
    id: r.id,
    kind: r.kind,
    periodStart: start,
    periodEnd: end,
    createdAt: r.created_at,
    json: JSON.stringify(data),
    csv: stringify(data.days.map((d) => [d.period, d.visitors, d.orders, d.gmvFen, d.refundFen, d.conversionRate ?? '', d.aovFen ?? '']), { header: true, columns: ['day', 'visitors', 'orders', 'gmvFen', 'refundFen', 'conversionRate', 'aovFen'] }),
    html,
  });
}
