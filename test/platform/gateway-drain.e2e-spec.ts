import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { devWebhookSecret, orderData, signDelivery, SuiteStack } from '@shopops/testing';

/** One raw HTTP/1.1 request on its own connection, so "sent" means the bytes left this process. */
interface InFlight {
  /** Resolves once the request is written to a connected socket. */
  readonly sent: Promise<void>;
  /** The status line of the answer, or how the connection failed. */
  readonly answer: Promise<string>;
}

function rawPost(port: number, path: string, headers: Record<string, string>, body: string): InFlight {
  const head = Object.entries({ host: `127.0.0.1:${port}`, 'content-length': String(Buffer.byteLength(body)), ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const socket = connect(port, '127.0.0.1');
  const sent = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n${body}`, (error) => (error ? reject(error) : resolve())));
  });
  const answer = new Promise<string>((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.includes('\r\n\r\n')) {
        resolve(received.slice(0, received.indexOf('\r\n')));
        socket.end();
      }
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(`connection error ${error.code}`));
    socket.once('close', () => resolve('closed without an answer'));
  });
  return { sent, answer };
}

function webhook(port: number): { webhookId: string; request: InFlight } {
  const body = JSON.stringify({ type: 'order.created', occurredAt: new Date().toISOString(), data: orderData(`TB${randomUUID().slice(0, 12)}`) });
  const delivery = signDelivery(body, { secret: devWebhookSecret('taobao') });
  return { webhookId: delivery.id, request: rawPost(port, '/webhooks/taobao', delivery.headers, body) };
}

const graphql = (port: number): InFlight => rawPost(port, '/graphql', { 'content-type': 'application/json' }, JSON.stringify({ query: '{ __typename }' }));

/** A gateway of its own, signalled while 60 requests it has received are still unanswered. */
describe('the gateway drains on a signal', () => {
  let stack: SuiteStack;
  beforeAll(async () => (stack = await SuiteStack.start({ name: 'gateway-drain', services: ['gateway'] })));
  afterAll(() => stack.stop());

  it.each([[['SIGTERM']], [['SIGINT', 'SIGTERM']]] as NodeJS.Signals[][][])('answers every request in flight and exits 0 after %j', async (signals) => {
    // As `npm start` runs it: under NODE_ENV=test libraries such as Apollo Server install no signal handlers of their own.
    const gateway = await stack.startProcess('gateway', { id: `gateway-${signals.join('-')}`, env: { NODE_ENV: 'development' } });
    const webhooks = Array.from({ length: 50 }, () => webhook(gateway.port));
    const queries = Array.from({ length: 10 }, () => graphql(gateway.port));
    const inFlight = [...webhooks.map((w) => w.request), ...queries];
    await Promise.all(inFlight.map((r) => r.sent));

    for (const signal of signals) gateway.child.kill(signal);
    const answers = await Promise.all(inFlight.map((r) => r.answer));
    const exitCode = await gateway.exited;

    expect(answers.slice(0, 50)).toEqual(Array(50).fill('HTTP/1.1 202 Accepted'));
    expect(answers.slice(50)).toEqual(Array(10).fill('HTTP/1.1 200 OK'));
    expect(exitCode).toBe(0);
    const stored = await stack
      .db()
      .query('SELECT count(*)::int AS n FROM gateway.webhook_delivery WHERE webhook_id = ANY($1)', [webhooks.map((w) => w.webhookId)]);
    expect(stored.rows[0].n).toBe(50);
  });
});
