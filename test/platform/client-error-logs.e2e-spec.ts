import { readFileSync } from 'node:fs';
import { SuiteStack, tokenFor, type RunningProcess } from '@shopops/testing';

/** pino's numeric levels: 50 is error, 60 fatal. */
const ERROR = 50;

function linesAtOrAbove(level: number, logFile: string): string[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .filter((line) => (JSON.parse(line) as { level: number }).level >= level);
}

/**
 * A caller's mistakes are answered, not alarms: a gateway and an analytics subgraph of their own
 * (beside the shared suite, so their logs hold only these requests) answer every kind of client
 * error, and neither logs any of them at error level.
 */
describe('client errors are logged below error level', () => {
  const stack = SuiteStack.shared();
  let analytics: RunningProcess;
  let gateway: RunningProcess;

  beforeAll(async () => {
    analytics = await stack.startProcess('analytics', { id: 'analytics-client-errors', role: 'api', env: { LOG_LEVEL: 'info' } });
    gateway = await stack.startProcess('gateway', {
      id: 'gateway-client-errors',
      role: 'api',
      env: { LOG_LEVEL: 'info', ANALYTICS_URL: `http://127.0.0.1:${analytics.port}/graphql` },
    });
  }, 120_000);
  afterAll(() => stack.stopProcesses(), 60_000);

  const graphql = async (query: string, token?: string) => {
    const response = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, code: body.errors?.[0]?.extensions?.code };
  };

  it('BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, GraphQL validation and HTTP 4xx leave no error line', async () => {
    const anomalies = (hour: string) => `mutation { detectAnomalies(hour: "${hour}") { __typename } }`;
    expect(await graphql(anomalies('not a time'), tokenFor('admin'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await graphql(anomalies('2026-01-01T00:00:00Z'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await graphql(anomalies('2026-01-01T00:00:00Z'), tokenFor('member', 'm-client-errors'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await graphql('{ noSuchField }')).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(await graphql('{ __typename }', 'not-a-token')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await fetch(`http://127.0.0.1:${gateway.port}/no-such-route`)).status).toBe(404);
    const unsigned = await fetch(`http://127.0.0.1:${gateway.port}/webhooks/taobao`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);

    expect(linesAtOrAbove(ERROR, gateway.logFile)).toEqual([]);
    expect(linesAtOrAbove(ERROR, analytics.logFile)).toEqual([]);
    // The logs were written: the processes logged their start at info.
    expect(readFileSync(analytics.logFile, 'utf8')).toContain('"level":30');
  });
});
