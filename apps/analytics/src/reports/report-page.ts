import { stringify } from 'csv-stringify/sync';
import { escapeHtml, funnelChart, lineChart, NO_DATA, shareBars } from './charts';
import { Report, type ReportRow } from './report';

/**
 * Titles and labels are Chinese: the page names CJK fonts of every platform before the generic
 * family, so no viewer (nor a server-side PDF renderer) falls back to one without the glyphs.
 */
export const REPORT_FONTS =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif';

/** A stored report as it is served: its figures as JSON, its days as CSV, and a page with charts. */
export function toReport(r: ReportRow): Report {
  const data = r.data;
  const start = String(r.period_start instanceof Date ? r.period_start.toISOString().slice(0, 10) : r.period_start);
  const end = String(r.period_end instanceof Date ? r.period_end.toISOString().slice(0, 10) : r.period_end);
  const title = `${r.kind === 'DAILY' ? '日报' : '周报'} ${start}${start === end ? '' : ` – ${end}`}`;
  const t = data.totals;
  const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:${REPORT_FONTS};margin:2rem;max-width:720px}.no-data{color:#777;font-style:italic}td,th{padding:.25rem .75rem;text-align:right}th:first-child,td:first-child{text-align:left}figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.5rem}</style></head>
<body><h1>ShopOps ${escapeHtml(title)}</h1>
${
  t.visitors || t.orders
    ? `<table><tr><th>访客 visitors</th><th>订单 orders</th><th>GMV</th><th>退款 refunds</th><th>转化率 conversion</th><th>客单价 AOV</th></tr>
<tr><td>${t.visitors}</td><td>${t.orders}</td><td>${yuan(t.gmvFen)}</td><td>${yuan(t.refundFen)}</td><td>${t.conversionRate === null ? '—' : `${(100 * t.conversionRate).toFixed(2)}%`}</td><td>${yuan(t.aovFen)}</td></tr></table>`
    : `<p class="no-data">${NO_DATA}</p>`
}
${lineChart(
  'Sales trend (GMV by day)',
  data.days.map((d) => ({ label: d.period, value: d.gmvFen })),
)}
${funnelChart('Funnel', data.funnel)}
${shareBars(
  'Traffic mix',
  data.traffic.sources.map((s) => ({ label: s.source, share: s.share })),
)}
</body></html>`;
  return Object.assign(new Report(), {
    id: r.id,
    kind: r.kind,
    periodStart: start,
    periodEnd: end,
    createdAt: r.created_at,
    json: JSON.stringify(data),
    csv: stringify(
      data.days.map((d) => [d.period, d.visitors, d.orders, d.gmvFen, d.refundFen, d.conversionRate ?? '', d.aovFen ?? '']),
      { header: true, columns: ['day', 'visitors', 'orders', 'gmvFen', 'refundFen', 'conversionRate', 'aovFen'] },
    ),
    html,
  });
}
