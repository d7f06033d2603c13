import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSkus, GatewayClient, SuiteStack } from '@shopops/testing';
import request from 'supertest';

/** 21 fragments, each spreading the next twice. */
function doublingFragments(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Query { __typename }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ ...F0 } ${fragments.join(' ')}`;
}

describe('gateway limits fail closed', () => {
  const gateway = new GatewayClient();

  it('refuses a deep query padded past the token budget with 3,400 __typename aliases', async () => {
    let selection = 'code';
    for (let i = 0; i < 7; i++) selection = `product { skus { ${selection} } }`;
    const padding = Array.from({ length: 3400 }, (_, i) => `a${i}: __typename`).join(' ');
    const response = await gateway.query(`query Deep { sku(code: "X") { ${selection} } } query Pad { ${padding} }`, {}, {});
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_LARGE');
  });

  it('refuses doubling fragments before any work, while health probes keep answering', async () => {
    const started = Date.now();
    const [response, probe] = await Promise.all([gateway.query(doublingFragments(21)), request(gateway.baseUrl).get('/health/live')]);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_LARGE');
    expect(probe.status).toBe(200);
    // Unrefused, this document took 7.9 s on an idle machine and grows twice as long per level.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses nested SKU lists under a page of 100 products, and 60 such pages', async () => {
    const nested = await gateway.query('{ products(first: 100) { nodes { skus { product { skus { product { skus { code stock { onHand } } } } } } } } }');
    expect(nested.status).toBe(400);
    expect(nested.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const pages = Array.from({ length: 60 }, (_, i) => `p${i}: products(first: 100) { nodes { code } }`).join(' ');
    const sixty = await gateway.query(`{ ${pages} }`);
    expect(sixty.status).toBe(400);
    expect(sixty.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers an unknown operationName with BAD_USER_INPUT naming it, not a 500', async () => {
    const response = await request(gateway.baseUrl)
      .post('/graphql')
      .send({ query: 'query Listed { products(first: 1) { nodes { code } } }', operationName: 'Missing' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['operationName'] });
  });

  it('refuses a request without query text, such as a bare persisted-query hash', async () => {
    const response = await request(gateway.baseUrl)
      .post('/graphql')
      .send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['query'] });
  });

  describe('a subgraph that refuses its part as too large', () => {
    const stack = SuiteStack.shared();
    let refusingInventory: Server;
    let beside: GatewayClient;

    beforeAll(async () => {
      refusingInventory = createServer((_req, res) =>
        res.writeHead(413, { 'content-type': 'application/json' }).end('{"message":"Request body is too large"}'),
      );
      await new Promise<void>((done) => refusingInventory.listen(0, '127.0.0.1', done));
      const port = (refusingInventory.address() as AddressInfo).port;
      const gatewayProcess = await stack.startProcess('gateway', {
        id: 'gateway-refusing-inventory',
        role: 'api',
        env: { INVENTORY_URL: `http://127.0.0.1:${port}/graphql` },
        // It starts while the shared suite is busy; a loaded machine needs patience.
        readyTimeoutMs: 120_000,
      });
      beside = new GatewayClient(`http://127.0.0.1:${gatewayProcess.port}`);
    }, 240_000);
    afterAll(async () => {
      await stack.stopProcesses();
      refusingInventory.close();
    });

    it('reaches the client as a clear error naming the service', async () => {
      const [code] = await createSkus(gateway);
      const response = await beside.query('query($c: String!) { sku(code: $c) { code stock { onHand } } }', { c: code }, { role: 'operator' });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_REQUEST_TOO_LARGE', service: 'inventory' });
      expect(response.errors?.[0].message).toMatch(/inventory service refused its part of this query as too large/);
    });
  });
});
