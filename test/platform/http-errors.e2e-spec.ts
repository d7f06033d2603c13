import { Agent, request as httpRequest } from 'node:http';
import { OVERSIZED_BODY_DRAIN_BYTES } from '@shopops/platform';
import { devWebhookSecret, gatewayIdentityHeader, gatewayUrlFromEnv, serviceUrl, signDelivery, tokenFor } from '@shopops/testing';

/** One malformed request, and the status every route of the kind must answer it with. */
interface Malformed {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** The `Allow` a 405 must list. */
  readonly allow?: string;
  /** Only GraphQL's own refusals keep GraphQL's error format. */
  readonly graphqlShape?: boolean;
}

interface Route {
  readonly name: string;
  readonly base: () => string;
  readonly path: string;
  /** How a caller who may pass is recognised. */
  readonly signedIn: Record<string, string>;
  readonly takesBody: boolean;
  readonly bodyLimit?: number;
  readonly allow: string;
  readonly wrongMethod: string;
}

const MIB = 1024 * 1024;
const LONG_SEGMENT = 'a'.repeat(300);
const JSON_TYPE = { 'content-type': 'application/json' };
const bearer = (role: Parameters<typeof tokenFor>[0]) => ({ authorization: `Bearer ${tokenFor(role)}` });

const gateway = (): string => gatewayUrlFromEnv();
const catalog = (): string => serviceUrl('catalog');

const routes: Route[] = [
  {
    name: 'gateway /graphql',
    base: gateway,
    path: '/graphql',
    signedIn: bearer('admin'),
    takesBody: true,
    allow: 'GET, HEAD, POST, OPTIONS',
    wrongMethod: 'DELETE',
  },
  { name: 'gateway /webhooks/{source}', base: gateway, path: '/webhooks/taobao', signedIn: {}, takesBody: true, allow: 'POST', wrongMethod: 'GET' },
  {
    name: 'gateway /events',
    base: gateway,
    path: '/events',
    signedIn: bearer('analyst'),
    takesBody: true,
    bodyLimit: 4 * MIB,
    allow: 'POST',
    wrongMethod: 'GET',
  },
  {
    name: 'gateway /webhook-endpoints',
    base: gateway,
    path: '/webhook-endpoints',
    signedIn: bearer('operator'),
    takesBody: true,
    allow: 'GET, HEAD, POST',
    wrongMethod: 'PUT',
  },
  {
    name: 'gateway /admin/reports/{id}',
    base: gateway,
    path: '/admin/reports/00000000-0000-4000-8000-000000000000',
    signedIn: bearer('analyst'),
    takesBody: false,
    allow: 'GET, HEAD',
    wrongMethod: 'POST',
  },
  {
    name: 'gateway /admin/queues',
    base: gateway,
    path: '/admin/queues',
    signedIn: bearer('admin'),
    takesBody: false,
    allow: 'GET, HEAD',
    wrongMethod: 'DELETE',
  },
  { name: 'gateway /health/ready', base: gateway, path: '/health/ready', signedIn: {}, takesBody: false, allow: 'GET, HEAD', wrongMethod: 'POST' },
  { name: 'gateway /metrics', base: gateway, path: '/metrics', signedIn: {}, takesBody: false, allow: 'GET, HEAD', wrongMethod: 'POST' },
  {
    name: 'catalog /graphql',
    base: catalog,
    path: '/graphql',
    signedIn: gatewayIdentityHeader('admin'),
    takesBody: true,
    allow: 'GET, HEAD, POST, OPTIONS',
    wrongMethod: 'DELETE',
  },
  {
    name: 'catalog /health/ready',
    base: catalog,
    path: '/health/ready',
    signedIn: gatewayIdentityHeader('admin'),
    takesBody: false,
    allow: 'GET, HEAD',
    wrongMethod: 'POST',
  },
  {
    name: 'catalog /metrics',
    base: catalog,
    path: '/metrics',
    signedIn: gatewayIdentityHeader('admin'),
    takesBody: false,
    allow: 'GET, HEAD',
    wrongMethod: 'POST',
  },
];

/** Webhook bodies are read only once their signature holds, so its malformed bodies are signed. */
function signedIfWebhook(route: Route, body: string): Record<string, string> {
  if (!route.path.startsWith('/webhooks/')) return { ...route.signedIn, ...JSON_TYPE };
  return signDelivery(body, { secret: devWebhookSecret('taobao') }).headers;
}

function malformedRequests(route: Route): Malformed[] {
  const { path, signedIn } = route;
  const cases: Malformed[] = [
    { kind: 'wrong method', method: route.wrongMethod, path, headers: signedIn, status: 405, allow: route.allow },
    { kind: 'unknown route', method: 'GET', path: `${path}/no/such/route`, headers: signedIn, status: 404 },
    { kind: 'long path segment', method: 'GET', path: `${path}/${LONG_SEGMENT}`, headers: signedIn, status: 414 },
  ];
  if (route.takesBody) {
    const broken = '{"query": ';
    const oversize = JSON.stringify({ query: 'x'.repeat((route.bodyLimit ?? MIB) + 1) });
    cases.push(
      { kind: 'bad JSON', method: 'POST', path, headers: signedIfWebhook(route, broken), body: broken, status: 400 },
      { kind: 'oversize body', method: 'POST', path, headers: { ...signedIn, ...JSON_TYPE }, body: oversize, status: 413 },
    );
    if (!path.startsWith('/webhooks/')) {
      cases.push({
        kind: 'unsupported content type',
        method: 'POST',
        path,
        headers: { ...signedIn, 'content-type': 'application/xml' },
        body: '<query/>',
        status: 415,
      });
    }
  }
  const isProbe = path.startsWith('/health/') || path === '/metrics';
  if (!isProbe) {
    const graphqlShape = path === '/graphql';
    // The gateway's GraphQL serves anonymous callers, so its missing auth is a token that does not verify.
    const headers: Record<string, string> = route.base === gateway && graphqlShape ? { authorization: 'Bearer not-a-token' } : {};
    const body = route.takesBody ? '{}' : undefined;
    cases.push({
      kind: 'missing auth',
      method: route.takesBody ? 'POST' : 'GET',
      path,
      headers: { ...headers, ...JSON_TYPE },
      body,
      status: 401,
      graphqlShape,
    });
  }
  return cases;
}

interface Answer {
  readonly status: number;
  readonly allow: string | null;
  readonly type: string;
  readonly body: unknown;
}

/** Sends one request, its whole body included: a body a little over the limit is read and refused, not cut off. */
function send(base: string, request: Malformed, agent?: Agent): Promise<Answer & { connection: string | null }> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  return new Promise((resolve, reject) => {
    const call = httpRequest(`${base}${request.path}`, { method: request.method, headers, ...(agent ? { agent } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          allow: response.headers.allow ?? null,
          type: response.headers['content-type'] ?? '',
          body: parsed(Buffer.concat(chunks).toString()),
          connection: response.headers.connection ?? null,
        }),
      );
    });
    call.on('error', reject);
    call.end(body);
  });
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // left as text, so a failed expectation shows what came back
  }
}

describe('every HTTP route answers every malformed request as a 4xx in one shape', () => {
  const table = routes.flatMap((route) => malformedRequests(route).map((request) => [route.name, request.kind, route, request] as const));

  it.each(table)('%s: %s', async (_name, _kind, route, request) => {
    const answer = await send(route.base(), request);
    const shape = request.graphqlShape
      ? { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] }
      : { error: expect.any(String), details: expect.any(Array) };
    expect({ status: answer.status, body: answer.body }).toEqual({ status: request.status, body: shape });
    expect(answer.type).toMatch(/^application\/json/);
    if (request.allow) expect(answer.allow).toBe(request.allow);
  });
});

describe('GraphQL requests the gateway cannot read', () => {
  it('answers a GET without query text with 400 and the field it needs, not a 500', async () => {
    const answer = await send(gatewayUrlFromEnv(), { kind: 'no query', method: 'GET', path: '/graphql', status: 400 });
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['query'] }) })] },
    });
  });
});

describe('bodies over the limit', () => {
  const oversize = (limit: number) => JSON.stringify({ query: 'x'.repeat(limit + 1) });

  it.each(routes.filter((route) => route.takesBody).map((route) => [route.name, route] as const))(
    '%s: answers 413 after reading the body and keeps the connection',
    async (_name, route) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const body = oversize(route.bodyLimit ?? MIB);
        const headers = route.path.startsWith('/webhooks/')
          ? signDelivery(body, { secret: devWebhookSecret('taobao') }).headers
          : { ...route.signedIn, ...JSON_TYPE };
        const request: Malformed = { kind: 'oversize body', method: 'POST', path: route.path, headers, body, status: 413 };
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push(await send(route.base(), request, agent));
        expect(answers.map((a) => ({ status: a.status, body: a.body }))).toEqual(
          Array(3).fill({ status: 413, body: { error: expect.any(String), details: expect.any(Array) } }),
        );
        // The server kept each connection open: nothing was cut off mid-upload.
        expect(answers.map((a) => a.connection)).toEqual(['keep-alive', 'keep-alive', 'keep-alive']);
      } finally {
        agent.destroy();
      }
    },
  );

  it('refuses a declared length beyond what is worth reading on the headers alone', async () => {
    const answer = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const call = httpRequest(
        `${gatewayUrlFromEnv()}/graphql`,
        { method: 'POST', headers: { ...JSON_TYPE, 'content-length': String(OVERSIZED_BODY_DRAIN_BYTES + 1) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => (call.destroy(), resolve({ status: response.statusCode ?? 0, body: parsed(Buffer.concat(chunks).toString()) })));
        },
      );
      call.on('error', reject);
      call.flushHeaders(); // not one byte of the body is sent
    });
    expect(answer).toEqual({ status: 413, body: { error: expect.any(String), details: expect.any(Array) } });
  });
});
