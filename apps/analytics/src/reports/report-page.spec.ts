import { toReport } from './report-page';
import type { ReportData, ReportRow } from './report';

const row = (data: ReportData): ReportRow => ({ id: 'r1', kind: 'DAILY', period_start: '2026-11-11', period_end: '2026-11-11', data, created_at: new Date() });

const EMPTY: ReportData = {
  totals: { visitors: 0, orders: 0, gmvFen: 0, refundFen: 0, conversionRate: null, aovFen: null },
  days: [],
  funnel: [
    { step: 'search', visitors: 0 },
    { step: 'payment', visitors: 0 },
  ],
  traffic: { visitors: 0, paidShare: null, overLimit: false, sources: [] } as unknown as ReportData['traffic'],
};

const FILLED: ReportData = {
  totals: { visitors: 120, orders: 6, gmvFen: 1_199_400, refundFen: 0, conversionRate: 0.05, aovFen: 199_900 },
  days: [{ period: '2026-11-11', gmvFen: 1_199_400 } as ReportData['days'][number]],
  funnel: [
    { step: 'search', visitors: 80 },
    { step: 'payment', visitors: 6 },
  ],
  traffic: { visitors: 120, paidShare: 0.3, overLimit: false, sources: [{ source: 'kol', visitors: 36, share: 0.3 }] } as unknown as ReportData['traffic'],
};

describe('report page', () => {
  it('names CJK-capable fonts before the generic family', () => {
    const { html } = toReport(row(FILLED));
    const fonts = /font-family:([^;}]+)/.exec(html)![1];
    expect(fonts).toMatch(/"PingFang SC".*"Microsoft YaHei".*"Noto Sans CJK SC".*sans-serif$/);
  });

  it('says "no data" in every empty section instead of drawing an empty chart', () => {
    const { html } = toReport(row(EMPTY));
    expect(html.match(/no data/g)).toHaveLength(4);
    expect(html).not.toContain('<svg');
  });

  it('draws every section that has figures', () => {
    const { html } = toReport(row(FILLED));
    expect(html).not.toContain('no data');
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain('<td>120</td>');
  });
});
