import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Metrics } from '@shopops/platform';

const ROOT = resolve(__dirname, '../..');

interface Panel {
  type: string;
  title: string;
  description?: string;
  targets?: { expr: string }[];
}

interface Dashboard {
  uid: string;
  panels: Panel[];
  templating: { list: { definition?: string }[] };
}

/** PromQL words that are not metric names. */
const PROMQL_WORDS = new Set([
  ...['sum', 'max', 'min', 'avg', 'count', 'by', 'without', 'rate', 'increase', 'irate', 'histogram_quantile', 'label_values', 'and', 'or', 'unless'],
  ...['topk', 'bottomk', 'abs', 'clamp_min', 'clamp_max', 'delta', 'deriv', 'time', 'offset', 'on', 'ignoring', 'group_left', 'group_right', 'bool'],
]);

/** The metric names a PromQL expression reads: what is left once labels, groupings, ranges and functions are taken out. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '')
    .replace(/,\s*[a-z_]+\s*\)/g, ')');
  const words = bare.match(/[A-Za-z_:][A-Za-z0-9_:]*/g) ?? [];
  return words.filter((word) => !PROMQL_WORDS.has(word) && !/^\d/.test(word) && !word.startsWith('$'));
}

/** Every series name a process's /metrics can carry (a histogram's as _bucket, _sum and _count). */
async function exportedNames(): Promise<Set<string>> {
  const text = await new Metrics().registry.metrics();
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === 'histogram' || type === 'summary') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    names.add(name);
  }
  return names;
}

describe('deploy/grafana/shopops.json', () => {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy/grafana/shopops.json'), 'utf8')) as Dashboard;
  const charts = dashboard.panels.filter((panel) => panel.type !== 'row');

  it('charts requests and latency per subgraph, queue depth and age, dead letters, outbox lag and SQL statements', () => {
    const read = new Set(charts.flatMap((panel) => panel.targets ?? []).flatMap((target) => metricNamesIn(target.expr)));
    for (const metric of [
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_bucket',
      'queue_jobs',
      'queue_oldest_waiting_seconds',
      'queue_dead_letters',
      'outbox_lag_seconds',
      'db_queries_total',
    ]) {
      expect(read).toContain(metric);
    }
  });

  it('reads only metrics a process exports at /metrics', async () => {
    const exported = await exportedNames();
    const expressions = [
      ...charts.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr }))),
      ...dashboard.templating.list.filter((variable) => variable.definition).map((variable) => ({ panel: 'variables', expr: variable.definition ?? '' })),
    ];
    const unknown = expressions.flatMap(({ panel, expr }) =>
      metricNamesIn(expr)
        .filter((name) => !exported.has(name))
        .map((name) => `${panel}: ${name}`),
    );
    expect(expressions.length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });

  it('tells on-call what each panel means, on the panel and in docs/operations.md', () => {
    const operations = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
    for (const panel of charts) {
      expect([panel.title, (panel.description ?? '').length > 40]).toEqual([panel.title, true]);
      expect([panel.title, operations.includes(`**${panel.title}**`)]).toEqual([panel.title, true]);
    }
  });

  it('knows a metric name from a label, a function and a range', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket{route="/graphql"}[5m])))')).toEqual([
      'http_request_duration_seconds_bucket',
    ]);
    expect(metricNamesIn('label_values(http_request_duration_seconds_count, service)')).toEqual(['http_request_duration_seconds_count']);
    expect(metricNamesIn('sum by (service) (rate(a_total[1m])) / sum by (service) (rate(b_count{x="y"}[1m])) / 1e9')).toEqual(['a_total', 'b_count']);
  });
});
