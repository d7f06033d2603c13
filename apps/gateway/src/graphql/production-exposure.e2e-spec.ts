import { DEV_JWT_SECRET, signBearerToken } from '@shopops/platform';
import { BROWSER_ACCEPT, graphqlRequest, ideOptionsOf, pageReferences, signInBrowser, SuiteStack, type CallAs } from '@shopops/testing';
import request from 'supertest';

const JWT_SECRET = 'production-jwt-secret-for-this-spec';
const METRICS_TOKEN = 'production-metrics-token-for-this-spec';
const whsec = (source: string) => `whsec_${Buffer.from(`production-key-of-${source}`).toString('base64')}`;
const PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET,
  GATEWAY_IDENTITY_SECRET: 'production-identity-secret-for-this-spec',
  METRICS_TOKEN,
  OUTBOUND_SECRETS_KEY: Buffer.from('production-outbound-secrets-key!').toString('base64'),
  WEBHOOK_SECRET_TAOBAO: whsec('taobao'),
  WEBHOOK_SECRET_DOUYIN: whsec('douyin'),
  WEBHOOK_SECRET_MALL: whsec('mall'),
  WEBHOOK_SECRET_LOGISTICS: whsec('logistics'),
  PII_KEYS: `prod1:${Buffer.from('production-pii-key-for-this-spec').toString('base64')}`,
  PII_LOOKUP_KEY: 'production-lookup-key-for-this-spec',
};

const asRole = (role: 'operator' | 'member'): CallAs => ({
  token: signBearerToken({ sub: `prod-${role}`, role, ...(role === 'member' ? { memberId: '00000000-0000-4000-8000-000000000001' } : {}) }, JWT_SECRET, 600),
});

/** Extra processes start while the shared suite is busy; a loaded machine needs patience. */
const START_PATIENCE_MS = 120_000;

describe('in production', () => {
  const stack = SuiteStack.shared();
  let gatewayUrl: string;
  let catalogUrl: string;

  beforeAll(async () => {
    const gateway = await stack.startProcess('gateway', { id: 'gateway-production', role: 'api', env: PRODUCTION, readyTimeoutMs: START_PATIENCE_MS });
    const catalog = await stack.startProcess('catalog', { id: 'catalog-production', role: 'api', env: PRODUCTION, readyTimeoutMs: START_PATIENCE_MS });
    gatewayUrl = `http://127.0.0.1:${gateway.port}`;
    catalogUrl = `http://127.0.0.1:${catalog.port}`;
  }, 3 * START_PATIENCE_MS);
  afterAll(() => stack.stopProcesses());

  it(
    'refuses to start with a documented development secret, even one set explicitly',
    async () => {
      const start = stack.startProcess('gateway', {
        id: 'gateway-dev-secret',
        role: 'api',
        env: { ...PRODUCTION, JWT_SECRET: DEV_JWT_SECRET },
        readyTimeoutMs: START_PATIENCE_MS,
      });
      await expect(start).rejects.toThrow(/exited 1[\s\S]*JWT_SECRET holds the documented development value/);
    },
    2 * START_PATIENCE_MS,
  );

  it('opens introspection to staff only', async () => {
    const query = '{ __schema { queryType { name } } }';
    for (const as of [{}, asRole('member')]) {
      const refused = await graphqlRequest(gatewayUrl, query, {}, as);
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const staff = await graphqlRequest<{ __schema: { queryType: { name: string } } }>(gatewayUrl, query, {}, asRole('operator'));
    expect(staff.data?.__schema.queryType.name).toBe('Query');
  });

  const misspelt = '{ prodcts(first: 1) { nodes { code } } }';

  it('gives anonymous callers and members no "did you mean" hints', async () => {
    for (const as of [{}, asRole('member')]) {
      const response = await graphqlRequest(gatewayUrl, misspelt, {}, as);
      expect(response.errors?.[0].message).toBe('Cannot query field "prodcts" on type "Query".');
    }
  });

  // Asked after the same query from anonymous callers and members: what they were told must not stick to the query.
  it('gives staff the hints', async () => {
    const staff = await graphqlRequest(gatewayUrl, misspelt, {}, asRole('operator'));
    expect(staff.errors?.[0].message).toMatch(/Did you mean "products"/);
  });

  it('opens the GraphQL IDE to signed-in staff only, sending the others to the sign-in', async () => {
    const anonymous = await request(gatewayUrl).get('/graphql').set('accept', BROWSER_ACCEPT);
    expect({ status: anonymous.status, type: anonymous.headers['content-type'] }).toEqual({ status: 401, type: 'text/html; charset=utf-8' });
    expect(anonymous.text).toContain('href="/admin/login?next=%2Fgraphql"');
    expect(anonymous.text).not.toContain('graphql-ide-options');

    const member = await signInBrowser(gatewayUrl, asRole('member').token as string, '/graphql');
    expect(member.response.status).toBe(401);
    const memberPage = await request(gatewayUrl)
      .get('/graphql')
      .set('accept', BROWSER_ACCEPT)
      .set('authorization', `Bearer ${asRole('member').token}`);
    expect(memberPage.status).toBe(403);
    expect(memberPage.text).toContain('href="/admin/login?next=%2Fgraphql"');

    const token = asRole('operator').token as string;
    const staff = await signInBrowser(gatewayUrl, token, '/graphql');
    expect({ status: staff.response.status, location: staff.response.headers.location }).toEqual({ status: 303, location: '/graphql' });
    const page = await request(gatewayUrl)
      .get('/graphql')
      .set('accept', BROWSER_ACCEPT)
      .set('cookie', String(staff.cookieFor('/graphql')));
    expect({ status: page.status, cacheControl: page.headers['cache-control'] }).toEqual({ status: 200, cacheControl: 'no-store' });
    expect(JSON.parse(ideOptionsOf(page.text).headers ?? '{}')).toEqual({ Authorization: `Bearer ${token}` });
    for (const { url } of pageReferences(page.text).filter((reference) => !reference.url.startsWith('data:'))) {
      expect({ url, status: (await request(gatewayUrl).get(url)).status }).toEqual({ url, status: 200 });
    }
    // The token opens the page; GraphQL itself still reads only the Authorization header, never the cookie.
    const cookieOnly = await request(gatewayUrl)
      .post('/graphql')
      .set('cookie', String(staff.cookieFor('/graphql')))
      .send({ query: '{ __schema { queryType { name } } }' });
    expect(cookieOnly.status).toBe(403);
  });

  it('answers /metrics on the gateway and a subgraph only with the metrics token', async () => {
    for (const url of [gatewayUrl, catalogUrl]) {
      const without = await request(url).get('/metrics');
      expect(without.status).toBe(401);
      expect(without.body).toEqual({ error: expect.stringMatching(/METRICS_TOKEN/), details: [] });
      expect((await request(url).get('/metrics').set('authorization', 'Bearer not-the-metrics-token')).status).toBe(401);
      const scraped = await request(url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('http_request_duration_seconds');
      expect((await request(url).get('/health/live')).status).toBe(200);
    }
  });
});
