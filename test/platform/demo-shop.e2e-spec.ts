import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newWebhookSecret } from '@shopops/contracts';
import { graphqlRequest, PROJECT_ROOT, SuiteStack } from '@shopops/testing';
import { seedDemoIfEmpty } from '../../scripts/seed-demo';

/** The GraphQL queries of docs/analytics.md, as written there (mutations are left out: they change data). */
function documentedAnalyticsQueries(): string[] {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'analytics.md'), 'utf8');
  const blocks = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((block) => block.split(/\n(?=query |mutation )/))
    .map((op) => op.replace(/\s+#[^\n]*$/gm, '').trim())
    .filter((op) => op.startsWith('query ') && !op.includes('"…"'));
}

/** Every leaf number of an answer, and whether any list in it is empty. */
function figures(value: unknown, path = ''): Array<{ path: string; value: unknown }> {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => figures(v, `${path}[${i}]`)) : [{ path, value: [] }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => figures(v, `${path}.${k}`));
  return [{ path, value }];
}

describe('the demo shop', () => {
  let stack: SuiteStack;
  // Secrets of the shop's own, not the development ones: the demo must sign with what the gateway is configured with.
  const secrets = { WEBHOOK_SECRET_TAOBAO: newWebhookSecret(), WEBHOOK_SECRET_DOUYIN: newWebhookSecret(), WEBHOOK_SECRET_MALL: newWebhookSecret() };
  const seedLog: string[] = [];

  beforeAll(async () => {
    stack = await SuiteStack.start({ name: 'demo-shop', env: secrets });
    const started = Date.now();
    const seeded = await seedDemoIfEmpty(stack.gatewayUrl, (line) => (seedLog.push(line), process.stdout.write(`${line}\n`)), stack.environment('gateway'));
    seedLog.push(`seed took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(seeded).toBe(true);
  }, 900_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers every analytics query of docs/analytics.md with figures', async () => {
    const queries = documentedAnalyticsQueries();
    expect(queries.length).toBeGreaterThanOrEqual(15);
    const empty: string[] = [];
    for (const query of queries) {
      const answer = await graphqlRequest<Record<string, unknown>>(stack.gatewayUrl, query, {}, { role: 'operator' });
      expect({ query, errors: answer.errors }).toEqual({ query, errors: undefined });
      const leaves = figures(answer.data);
      const lists = leaves.filter((l) => Array.isArray(l.value));
      const numbers = leaves.filter((l) => typeof l.value === 'number');
      // Non-empty: no empty list, and some figure above zero (or, for an answer without numbers, a value).
      const filled = numbers.length ? numbers.some((l) => (l.value as number) > 0) : leaves.some((l) => l.value !== null && l.value !== '');
      if (lists.length || !filled) empty.push(`${query.slice(0, 90)} → ${JSON.stringify(answer.data).slice(0, 200)}`);
    }
    expect(empty).toEqual([]);
  });

  it('fills every section of the daily and weekly reports', async () => {
    for (const kind of ['DAILY', 'WEEKLY']) {
      const list = await graphqlRequest<{ reports: Array<{ id: string }> }>(
        stack.gatewayUrl,
        `query($kind: String!) { reports(kind: $kind, first: 1) { id } }`,
        { kind },
        { role: 'analyst' },
      );
      const [report] = list.data!.reports;
      const { data } = await graphqlRequest<{ report: { json: string; html: string } }>(
        stack.gatewayUrl,
        `query($id: ID!) { report(id: $id) { json html } }`,
        { id: report.id },
        { role: 'analyst' },
      );
      const figuresOf = JSON.parse(data!.report.json) as {
        totals: Record<string, number>;
        days: Array<{ gmvFen: number }>;
        funnel: Array<{ visitors: number }>;
        traffic: { sources: Array<{ visitors: number }> };
      };
      const { visitors, orders, gmvFen } = figuresOf.totals;
      expect({ kind, visitors: visitors > 0, orders: orders > 0, gmvFen: gmvFen > 0 }).toEqual({ kind, visitors: true, orders: true, gmvFen: true });
      expect(figuresOf.days.some((d) => d.gmvFen > 0)).toBe(true);
      expect(figuresOf.funnel.every((s) => s.visitors > 0)).toBe(true);
      expect(figuresOf.traffic.sources.filter((s) => s.visitors > 0).length).toBeGreaterThanOrEqual(5);
      expect(data!.report.html).not.toContain('no data');
    }
  });

  it('signs with the configured secrets and fails loudly when the gateway refuses', async () => {
    expect(seedLog.join('\n')).toMatch(/orders: \d+ orders over \d+ days, \d+ paid/);
    const env = { ...stack.environment('gateway'), WEBHOOK_SECRET_TAOBAO: newWebhookSecret() };
    const { createDemoContext } = await import('../../scripts/demo/demo-context');
    const demo = createDemoContext(stack.gatewayUrl, () => undefined, env);
    await expect(demo.webhook('taobao', { type: 'order.created', occurredAt: new Date().toISOString(), data: {} })).rejects.toThrow(/refused with 401/);
  });
});
