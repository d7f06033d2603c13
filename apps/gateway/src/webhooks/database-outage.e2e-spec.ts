import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort, orderData, sendWebhook, SuiteStack } from '@shopops/testing';

/** A TCP hop in front of PostgreSQL that the test can cut, as a database restart would. */
class DatabaseLink {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => (this.sockets.delete(socket), client.destroy(), upstream.destroy()));
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((listening) => this.server?.listen(this.port, '127.0.0.1', listening));
  }

  /** Refuses new connections and drops the open ones. */
  down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((closed) => (this.server ? this.server.close(() => closed()) : closed()));
  }
}

/** While PostgreSQL is unreachable the gateway asks integrators to retry instead of failing. */
describe('webhooks while the database is unavailable', () => {
  let stack: SuiteStack;
  let link: DatabaseLink;

  beforeAll(async () => {
    stack = await SuiteStack.start({ name: 'database-outage', services: [] });
    const database = new URL(stack.databaseUrl);
    link = new DatabaseLink(await freePort(), { host: database.hostname, port: Number(database.port || 5432) });
    await link.up();
    database.host = `127.0.0.1:${link.port}`;
    await stack.startProcess('gateway', { env: { GATEWAY_DATABASE_URL: database.toString() } });
  });
  afterAll(async () => {
    await stack.stop();
    await link.down();
  });

  it('answers 503 with Retry-After and a JSON error, then stores the same delivery once the database is back', async () => {
    const envelope = { type: 'order.created', data: orderData(`TBOUT${Date.now()}`) };
    expect((await sendWebhook(stack.gatewayUrl, 'taobao', envelope)).status).toBe(202);

    await link.down();
    const id = `msg_outage_${Date.now()}`;
    const refused = await sendWebhook(stack.gatewayUrl, 'taobao', envelope, { id });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('3');
    expect(refused.body).toEqual({ error: 'database unavailable', details: ['the request was not stored; retry in 3 s'] });

    await link.up();
    let retried = await sendWebhook(stack.gatewayUrl, 'taobao', envelope, { id });
    // The pool may still hold a connection cut by the outage: the sender retries as told.
    for (let attempt = 0; retried.status === 503 && attempt < 10; attempt++) retried = await sendWebhook(stack.gatewayUrl, 'taobao', envelope, { id });
    expect(retried.status).toBe(202);
    const stored = await stack.db().query(`SELECT count(*)::int AS n FROM gateway.webhook_delivery WHERE webhook_id = $1`, [id]);
    expect(stored.rows[0].n).toBe(1);
  }, 120_000);
});
