import { connect, createServer, type Server, type Socket } from 'node:net';
import { eventually, freePort, orderData, sendWebhook, SuiteStack } from '@shopops/testing';

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
    // Deliveries sent together wait for each other, so that they form one group.
    await stack.startProcess('gateway', { env: { GATEWAY_DATABASE_URL: database.toString(), WEBHOOK_GROUP_WAIT_MS: '50' } });
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

  it('answers no delivery of a group 202 when the database goes away while the group is being written, and stores each once on retry', async () => {
    const stamp = Date.now();
    const ids = Array.from({ length: 6 }, (_, i) => `msg_midgroup_${i}_${stamp}`);
    const envelope = (i: number) => ({ type: 'order.created', data: orderData(`TBMID${i}${stamp}`) });
    const db = stack.db();
    // An uncommitted row with the first id holds the group's statement mid-write, on its unique key.
    const blocker = await db.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO gateway.webhook_delivery (source, webhook_id, type, occurred_at, body) VALUES ('taobao', $1, 'order.created', now(), '{}')`,
        [ids[0]],
      );
      const answers = Promise.all(ids.map((id, i) => sendWebhook(stack.gatewayUrl, 'taobao', envelope(i), { id })));
      const waiting = await eventually(
        async () =>
          (
            await db.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO webhook_delivery%'`,
            )
          ).rows,
        (rows) => rows.length > 0,
        { what: "the group's statement waiting on the uncommitted row" },
      );
      // The database goes away: the connection is cut and the server ends the statement, rolling it back.
      await link.down();
      await db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [waiting.map((row) => row.pid)]);

      const refused = await answers;
      expect(refused.map((answer) => answer.status)).toEqual(ids.map(() => 503));
      await blocker.query('ROLLBACK');
    } finally {
      blocker.release();
    }
    const stored = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM gateway.webhook_delivery WHERE webhook_id = ANY ($1)`, [ids])).rows[0].n;
    const events = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM gateway.outbox WHERE payload->>'deliveryId' = ANY ($1)`, [ids])).rows[0].n;
    expect(await stored()).toBe(0);
    expect(await events()).toBe(0);

    await link.up();
    for (const [i, id] of ids.entries()) {
      let retried = await sendWebhook(stack.gatewayUrl, 'taobao', envelope(i), { id });
      for (let attempt = 0; retried.status === 503 && attempt < 10; attempt++) retried = await sendWebhook(stack.gatewayUrl, 'taobao', envelope(i), { id });
      expect(retried.status).toBe(202);
    }
    expect(await stored()).toBe(ids.length);
    expect(await events()).toBe(ids.length);
  }, 120_000);
});
