import { webhookSecretOf } from '@shopops/contracts';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Resolve } from './network-guard';
import { loadOutboundConfig } from './outbound.config';
import { WebhookSender, type SendRequest } from './webhook-sender';

const delivery = (url: string): SendRequest => ({
  url,
  messageId: '7f1c1c2e-9d1a-4a55-9a55-4b1b1c1d1e1f',
  eventType: 'catalog.product.created',
  occurredAt: new Date('2026-11-11T00:00:00Z'),
  payload: { code: 'LX-DRESS-001' },
  secrets: [webhookSecretOf(Buffer.from('sender-test-secret'))],
});

describe('WebhookSender connects only to a checked address', () => {
  let server: Server;
  let port: number;
  const received: IncomingHttpHeaders[] = [];
  const senders: WebhookSender[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(request.headers);
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await Promise.all(senders.map((sender) => sender.onApplicationShutdown()));
    await new Promise((resolve) => server.close(resolve));
  });

  const senderWith = (allowPrivateNetworks: boolean, resolve: Resolve): WebhookSender => {
    const config = loadOutboundConfig({ OUTBOUND_ALLOW_PRIVATE_NETWORKS: String(allowPrivateNetworks), OUTBOUND_TIMEOUT_MS: '2000' });
    const sender = new WebhookSender(config, resolve);
    senders.push(sender);
    return sender;
  };
  const answering = (...addresses: string[]) =>
    jest.fn<ReturnType<Resolve>, Parameters<Resolve>>(async () => addresses.map((address) => ({ address, family: 4 })));

  it('refuses an IPv4-compatible loopback literal ([::7f00:1]) before connecting', async () => {
    const outcome = await senderWith(false, answering('8.8.8.8')).send(delivery(`http://[::7f00:1]:${port}/in`));
    expect(outcome.statusCode).toBeNull();
    expect(outcome.error).toMatch(/^EPRIVATEADDRESS: .*127\.0\.0\.1 is loopback/);
  });

  it('refuses a name whose answer is loopback', async () => {
    const outcome = await senderWith(false, answering('127.0.0.1')).send(delivery(`http://hooks.example.com:${port}/in`));
    expect(outcome.error).toMatch(/^EPRIVATEADDRESS: hooks\.example\.com: 127\.0\.0\.1 is loopback/);
  });

  it('sends to the address the guarded lookup answered, with the URL name as host', async () => {
    const resolve = answering('127.0.0.1');
    const outcome = await senderWith(true, resolve).send(delivery(`http://hooks.example.test:${port}/in`));
    expect(outcome).toMatchObject({ statusCode: 204, error: null });
    expect(resolve).toHaveBeenCalledWith('hooks.example.test');
    expect(received.at(-1)?.host).toBe(`hooks.example.test:${port}`);
  });

  it('falls back to the next checked address when one does not answer', async () => {
    // Nothing listens on 127.0.0.2 (the receiver is bound to 127.0.0.1 only).
    const outcome = await senderWith(true, answering('127.0.0.2', '127.0.0.1')).send(delivery(`http://hooks.example.test:${port}/in`));
    expect(outcome).toMatchObject({ statusCode: 204, error: null });
  });
});
