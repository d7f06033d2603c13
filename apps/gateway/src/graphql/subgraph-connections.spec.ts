import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphConnections } from './subgraph-connections';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('SubgraphConnections', () => {
  const connections = new SubgraphConnections(4);
  const sockets = new Set<number | undefined>();
  const seen: Array<{ method?: string; url?: string; identity?: string | string[]; body: string }> = [];
  let origin: string;
  const server = createServer((req, res) => {
    sockets.add(req.socket.remotePort);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, identity: req.headers['x-shopops-identity'], body });
      if (req.url === '/drop') return req.socket.destroy();
      const status = req.url === '/too-large' ? 413 : 200;
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'private' }).end(JSON.stringify({ data: { echo: body } }));
    });
  });

  beforeAll(async () => {
    origin = await listen(server);
  });
  afterAll(async () => {
    await connections.close();
    server.close();
  });

  it('posts the request and answers what Apollo reads: status, headers and the JSON body', async () => {
    const response = await connections.fetcher(`${origin}/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopops-identity': 'v1.abc' },
      body: '{"query":"{ a }"}',
    });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/graphql?x=1', identity: 'v1.abc', body: '{"query":"{ a }"}' });
    expect({ ok: response.ok, status: response.status, url: response.url }).toEqual({ ok: true, status: 200, url: `${origin}/graphql?x=1` });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('private');
    expect(await response.json()).toEqual({ data: { echo: '{"query":"{ a }"}' } });
  });

  it('keeps connections open between requests to the same subgraph instead of opening one per request', async () => {
    sockets.clear();
    for (let i = 0; i < 10; i++) await (await connections.fetcher(`${origin}/graphql`, { method: 'POST', body: '{}' })).text();
    // undici may open a second socket while the first is being handed back; never one per request.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('answers a refusal with its status and reason, not ok', async () => {
    const response = await connections.fetcher(`${origin}/too-large`, { method: 'POST', body: '{}' });
    expect({ ok: response.ok, status: response.status, statusText: response.statusText }).toEqual({ ok: false, status: 413, statusText: 'Payload Too Large' });
  });

  it('fails a dropped or refused connection with the network code the default fetcher gave', async () => {
    await expect(connections.fetcher(`${origin}/drop`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    const closed = createServer();
    const closedOrigin = await listen(closed);
    await new Promise((done) => closed.close(done));
    await expect(connections.fetcher(`${closedOrigin}/graphql`, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
      message: expect.stringMatching(/^request to http:\/\/127\.0\.0\.1:\d+\/graphql failed, reason: .*ECONNREFUSED/),
    });
  });

  it('posts a JSON body with its headers for the Apollo engine, answering status, headers and body', async () => {
    const response = await connections.post(`${origin}/graphql`, { 'content-type': 'application/json', 'x-shopops-identity': 'v1.def' }, '{"query":"{ b }"}');
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/graphql', identity: 'v1.def', body: '{"query":"{ b }"}' });
    expect({ ok: response.ok, status: response.status, cacheControl: response.headers.get('cache-control') }).toEqual({
      ok: true,
      status: 200,
      cacheControl: 'private',
    });
    expect(await response.json()).toEqual({ data: { echo: '{"query":"{ b }"}' } });
    const refused = await connections.post(`${origin}/too-large`, {}, '{}');
    expect({ ok: refused.ok, status: refused.status }).toEqual({ ok: false, status: 413 });
  });

  it('serves a WHATWG fetch over the same pools', async () => {
    const response = await connections.fetch(`${origin}/graphql`, { method: 'POST', body: '{"q":1}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { echo: '{"q":1}' } });
  });
});
