import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSkus, GatewayClient, SuiteStack } from '@shopops/testing';

const STOCK = 'query($c: String!) { sku(code: $c) { code stock { onHand } } }';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

describe('a subgraph that cannot be reached', () => {
  const gateway = new GatewayClient();
  const stack = SuiteStack.shared();
  let refused: GatewayClient;
  let dropped: GatewayClient;
  let dropping: Server;

  beforeAll(async () => {
    // A port that was just free: nothing listens there, so connecting is refused.
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((done) => closed.close(done));
    // A subgraph that accepts the connection and hangs up without answering.
    dropping = createServer((req) => req.socket.destroy());
    const droppingPort = await listen(dropping);
    const beside = (id: string, port: number) =>
      stack.startProcess('gateway', { id, role: 'api', env: { INVENTORY_URL: `http://127.0.0.1:${port}/graphql` }, readyTimeoutMs: 120_000 });
    const [a, b] = await Promise.all([beside('gateway-inventory-refused', closedPort), beside('gateway-inventory-dropped', droppingPort)]);
    refused = new GatewayClient(`http://127.0.0.1:${a.port}`);
    dropped = new GatewayClient(`http://127.0.0.1:${b.port}`);
  }, 240_000);
  afterAll(async () => {
    await stack.stopProcesses();
    dropping.close();
  });

  it('answers SERVICE_UNAVAILABLE with a retry hint whether the connection is refused or dropped', async () => {
    const [code] = await createSkus(gateway);
    const responses = await Promise.all([refused, dropped].map((client) => client.query(STOCK, { c: code }, { role: 'operator' })));
    for (const response of responses) {
      expect({ status: response.status, data: response.data, errors: response.errors }).toEqual({
        status: 200,
        data: { sku: null },
        errors: [{ message: 'Database unavailable; retry in 3 s', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 3 } }],
      });
    }
  });
});
