import { randomUUID } from 'node:crypto';
import { DEV_JWT_SECRET, signBearerToken } from '@shopops/platform';
import { BROWSER_ACCEPT, GatewayClient, graphqlRequest, SuiteStack } from '@shopops/testing';
import request from 'supertest';

/** Extra processes start while the shared suite is busy; a loaded machine needs patience. */
const START_PATIENCE_MS = 120_000;
const LIMIT_PER_MINUTE = 3;
// A day no other suite reports on.
const DAY = '2025-02-17';

/** A caller of its own, so no other request shares its rate-limit count. */
function freshCaller(role: 'admin' | 'analyst' | 'operator' | 'cs_agent'): string {
  return signBearerToken({ sub: `report-page-${role}-${randomUUID()}`, role }, DEV_JWT_SECRET, 600);
}

describe('report pages', () => {
  const stack = SuiteStack.shared();
  const shared = new GatewayClient();
  let limitedGateway: string;
  let reportId: string;

  beforeAll(async () => {
    const gateway = await stack.startProcess('gateway', {
      id: 'gateway-report-pages',
      role: 'api',
      env: { RATE_LIMIT_PER_MINUTE: String(LIMIT_PER_MINUTE) },
      readyTimeoutMs: START_PATIENCE_MS,
    });
    limitedGateway = `http://127.0.0.1:${gateway.port}`;
    const generated = await shared.data<{ generateReport: { id: string } }>(
      `mutation { generateReport(kind: "DAILY", from: "${DAY}", to: "${DAY}") { id } }`,
      {},
      { role: 'operator' },
    );
    reportId = generated.generateReport.id;
  }, 2 * START_PATIENCE_MS);
  afterAll(() => stack.stopProcesses());

  it('count against the caller’s GraphQL rate limit, like any query', async () => {
    const token = freshCaller('analyst');
    const page = () => request(limitedGateway).get(`/admin/reports/${reportId}.csv`).set('authorization', `Bearer ${token}`);
    expect((await page()).status).toBe(200);
    for (let i = 1; i < LIMIT_PER_MINUTE; i++) {
      const query = await graphqlRequest(limitedGateway, 'query($id: ID!) { report(id: $id) { id } }', { id: reportId }, { token });
      expect(query.status).toBe(200);
    }
    const limited = await page();
    expect(limited.status).toBe(429);
    expect(limited.body.details[0].code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('read the browser sign-in cookie and ask as the signed-in admin', async () => {
    const login = await request(limitedGateway)
      .post('/admin/login')
      .type('form')
      .send({ token: freshCaller('admin') });
    expect(login.status).toBe(303);
    const page = await request(limitedGateway).get(`/admin/reports/${reportId}`).set('cookie', login.headers['set-cookie'][0].split(';')[0]);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`日报 ${DAY}`);
  });

  it('answer a caller the report query refuses with 403, naming the refusal', async () => {
    const refused = await request(limitedGateway)
      .get(`/admin/reports/${reportId}`)
      .set('authorization', `Bearer ${freshCaller('cs_agent')}`);
    expect(refused.status).toBe(403);
    expect(refused.body.details[0].code).toBe('FORBIDDEN');
  });

  it('show a browser that is not signed in a page linking to the sign-in and back', async () => {
    const refused = await request(limitedGateway).get(`/admin/reports/${reportId}`).set('accept', BROWSER_ACCEPT);
    expect({ status: refused.status, type: refused.headers['content-type'] }).toEqual({ status: 401, type: 'text/html; charset=utf-8' });
    expect(refused.text).toContain(`href="/admin/login?next=${encodeURIComponent(`/admin/reports/${reportId}`)}"`);
  });

  it('answer a token /graphql refuses with 401', async () => {
    const forged = signBearerToken({ sub: 'report-page-expired', role: 'analyst' }, 'not-the-gateway-secret', 600);
    const refused = await request(limitedGateway).get(`/admin/reports/${reportId}`).set('authorization', `Bearer ${forged}`);
    expect(refused.status).toBe(401);
    expect(refused.body.details[0].code).toBe('UNAUTHENTICATED');
  });
});
