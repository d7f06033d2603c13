import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { eventHandled, eventually, GatewayClient, testPool, tokenFor, WebhookReceiver } from '@shopops/testing';

/** Outbound webhooks against a local receiver; the suite runs with a fast retry clock. */
describe('outbound webhooks', () => {
  const gateway = new GatewayClient();
  const receiver = new WebhookReceiver();
  const db = testPool({ max: 2 });
  let base: string;

  beforeAll(async () => (base = await receiver.start()));
  afterAll(async () => {
    await receiver.stop();
    await db.end();
  });

  const api = () => request(gateway.baseUrl);
  const asOperator = { authorization: `Bearer ${tokenFor('operator')}` };

  async function subscribe(path: string, eventTypes = ['catalog.product.created']): Promise<{ id: string; secret: string }> {
    const response = await api()
      .post('/webhook-endpoints')
      .set(asOperator)
      .send({ url: `${base}${path}`, eventTypes });
    expect(response.status).toBe(201);
    expect(response.body.secret).toMatch(/^whsec_/);
    return response.body;
  }

  const newCode = () => `OUT-${randomUUID().slice(0, 8)}`;
  async function createProduct(code = newCode()): Promise<string> {
    await gateway.data(
      `mutation($i: CreateProductInput!) { createProduct(input: $i) { __typename } }`,
      { i: { code, title: '外发测试', skus: [{ code: `${code}-F`, listPriceFen: 1000 }] } },
      { role: 'operator' },
    );
    return code;
  }

  const messages = async (endpointId: string) =>
    (await api().get(`/webhook-endpoints/${endpointId}/messages`).set(asOperator)).body.messages as Array<{
      id: string;
      status: string;
      attempts: number;
      log: Array<{ statusCode: number | null; error: string | null }>;
      payload: { code?: string; skuCode?: string };
    }>;
  const deliveriesOf = (path: string, code: string) => receiver.at(path).filter((r) => r.body.includes(code));
  // Every product created meanwhile by other specs reaches these endpoints too: each test follows its own product.
  const messageOf = async (endpointId: string, code: string) => (await messages(endpointId)).filter((m) => m.payload.code === code);
  /** Counts only the attempts that carry this product, so other products' deliveries do not shift them. */
  const forProduct = (code: string, answer: (attempt: number) => { status: number; delayMs?: number }) => {
    let attempts = 0;
    return (_n: number, body: string) => (body.includes(code) ? answer(++attempts) : { status: 200 });
  };

  it('delivers an event signed per Standard Webhooks, verifiable with the subscriber secret', async () => {
    const endpoint = await subscribe('/ok');
    const code = await createProduct();
    const [delivery] = await eventually(
      async () => deliveriesOf('/ok', code),
      (d) => d.length === 1,
      { what: 'a delivery' },
    );
    const verified = new Webhook(endpoint.secret).verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; data: { code: string } };
    expect(verified.type).toBe('catalog.product.created');
    expect(verified.data.code).toBe(code);
    const [message] = await eventually(
      () => messageOf(endpoint.id, code),
      (m) => m[0]?.status === 'delivered',
    );
    expect(delivery.headers['webhook-id']).toBe(`msg_${message.id}`);
    expect(message.log).toEqual([expect.objectContaining({ statusCode: 200, error: null })]);
  });

  it('retries a failing subscriber with the same webhook-id until it recovers, logging each attempt', async () => {
    const code = newCode();
    receiver.on(
      '/flaky',
      forProduct(code, (n) => ({ status: n <= 2 ? 503 : 200 })),
    );
    const endpoint = await subscribe('/flaky');
    await createProduct(code);
    const [message] = await eventually(
      () => messageOf(endpoint.id, code),
      (m) => m[0]?.status === 'delivered',
      { what: 'delivery after two failures' },
    );
    expect(message.attempts).toBe(3);
    expect(message.log.map((a) => a.statusCode)).toEqual([503, 503, 200]);
    const ids = new Set(deliveriesOf('/flaky', code).map((d) => d.headers['webhook-id']));
    expect(ids.size).toBe(1);
  });

  it('treats a timeout as a failure and retries', async () => {
    const code = newCode();
    receiver.on(
      '/slow',
      forProduct(code, (n) => ({ status: 200, delayMs: n === 1 ? 2500 : 0 })),
    );
    const endpoint = await subscribe('/slow');
    await createProduct(code);
    const [message] = await eventually(
      () => messageOf(endpoint.id, code),
      (m) => m[0]?.status === 'delivered',
      { what: 'delivery after a timeout' },
    );
    expect(message.log[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/timeout|aborted/i) });
    expect(message.log[1]).toMatchObject({ statusCode: 200 });
  });

  it('disables an endpoint that answers 410 Gone, says so with an event, and sends it nothing more', async () => {
    receiver.on('/gone', () => ({ status: 410 }));
    const endpoint = await subscribe('/gone');
    await createProduct();
    const view = await eventually(
      async () => (await api().get(`/webhook-endpoints/${endpoint.id}`).set(asOperator)).body,
      (e) => e.status === 'disabled',
    );
    expect(view.disabledReason).toMatch(/410/);
    const events = await db.query(`SELECT payload FROM gateway.outbox WHERE type = 'gateway.webhook-endpoint.disabled.v1' AND payload->>'endpointId' = $1`, [
      endpoint.id,
    ]);
    expect(events.rows).toHaveLength(1);
    const before = receiver.at('/gone').length;
    const code = await createProduct();
    // Once the gateway has fanned the new product out, the disabled endpoint has been passed over.
    const created = await db.query(`SELECT event_id FROM catalog.outbox WHERE type = 'catalog.product.created.v1' AND payload->>'code' = $1`, [code]);
    expect(created.rows).toHaveLength(1);
    await eventHandled('gateway', created.rows[0].event_id);
    expect((await messages(endpoint.id)).filter((m) => m.payload.code === code)).toEqual([]);
    expect(receiver.at('/gone').length).toBe(before);
  });

  it('opens the circuit after repeated failures and disables an endpoint that keeps failing', async () => {
    receiver.on('/down', () => ({ status: 500 }));
    const endpoint = await subscribe('/down');
    await createProduct();
    const view = await eventually(
      async () => (await api().get(`/webhook-endpoints/${endpoint.id}`).set(asOperator)).body,
      (e) => e.status === 'disabled',
      { timeoutMs: 30_000 },
    );
    expect(view.disabledReason).toMatch(/failing without a success/);
    const attempts = receiver.at('/down').map((r) => r.at);
    // The circuit held deliveries back for its cooldown after the third failure in a row; the
    // endpoint is disabled only 4 s after the first failure, so a fourth attempt came first.
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts[3] - attempts[2]).toBeGreaterThanOrEqual(1000);
  });

  it('replays a delivered message on request', async () => {
    const endpoint = await subscribe('/replay');
    const code = await createProduct();
    const [message] = await eventually(
      () => messageOf(endpoint.id, code),
      (m) => m[0]?.status === 'delivered',
    );
    const replay = await api().post(`/webhook-endpoints/${endpoint.id}/replay`).set(asOperator).send({ messageId: message.id });
    expect(replay.body).toEqual({ replayed: 1 });
    const copies = await eventually(
      async () => deliveriesOf('/replay', code),
      (d) => d.length === 2,
      { what: 'the replayed copy' },
    );
    expect(copies[1].headers['webhook-id']).toBe(copies[0].headers['webhook-id']);
  });

  it('signs with both secrets while one is rotated out', async () => {
    const endpoint = await subscribe('/rotate');
    const rotated = await api().post(`/webhook-endpoints/${endpoint.id}/rotate-secret`).set(asOperator);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    const code = await createProduct();
    const [delivery] = await eventually(
      async () => deliveriesOf('/rotate', code),
      (d) => d.length === 1,
    );
    expect(String(delivery.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated.body.secret]) {
      expect(() => new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>)).not.toThrow();
    }
  });

  it('coalesces a burst of channel stock changes into one delivery with the latest figure', async () => {
    const endpoint = await subscribe('/stock', ['inventory.channel-stock.changed']);
    const sku = `COAL-${randomUUID().slice(0, 6)}`;
    // Inventory's outbox, as its reservations would write it: five changes in a burst.
    const eventIds: string[] = [];
    for (let quantity = 5; quantity >= 1; quantity--) {
      const eventId = randomUUID();
      eventIds.push(eventId);
      await db.query(`INSERT INTO inventory.outbox (event_id, type, payload, occurred_at) VALUES ($1, 'inventory.channel-stock.changed.v1', $2, now())`, [
        eventId,
        JSON.stringify({ channel: 'taobao', skuCode: sku, quantity }),
      ]);
    }
    // Once the gateway has handled all five and the delivery is done, nothing else is owed for this SKU.
    await Promise.all(eventIds.map((eventId) => eventHandled('gateway', eventId)));
    // Other suites change stock meanwhile: only this SKU's messages count here.
    const sent = await eventually(
      async () => (await messages(endpoint.id)).filter((m) => m.payload.skuCode === sku),
      (m) => m.length > 0 && m.every((message) => message.status === 'delivered'),
      { what: 'the coalesced delivery' },
    );
    expect(sent).toHaveLength(1);
    const deliveries = receiver.at('/stock').filter((r) => r.body.includes(sku));
    expect(deliveries).toHaveLength(1);
    expect(JSON.parse(deliveries[0].body).data).toEqual({ channel: 'taobao', skuCode: sku, quantity: 1 });
  });

  it('answers 400 naming the field to malformed ids, NUL and impossible replay dates, changing nothing', async () => {
    const endpoint = await subscribe('/hostile');
    const rows = async () =>
      (
        await db.query(`SELECT id, description, status, secrets, updated_at FROM gateway.webhook_endpoint WHERE id = $1 OR url = $2`, [
          endpoint.id,
          `${base}/nul`,
        ])
      ).rows;
    const before = await rows();
    const notUuid = '------------------------------------';
    const calls = [
      api().get(`/webhook-endpoints/${notUuid}`),
      api().get('/webhook-endpoints/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'),
      api().patch(`/webhook-endpoints/${notUuid}`).send({ status: 'paused' }),
      api().delete(`/webhook-endpoints/${notUuid}`),
      api().post(`/webhook-endpoints/${notUuid}/rotate-secret`),
      api().get(`/webhook-endpoints/${notUuid}/messages`),
      api().post(`/webhook-endpoints/${notUuid}/replay`).send({ messageId: randomUUID() }),
    ];
    for (const answer of await Promise.all(calls.map((call) => call.set(asOperator)))) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: 'invalid request', details: [expect.stringMatching(/^id must be a UUID/)] });
    }
    const refusals: Array<[Promise<{ status: number; body: { details: string[] } }>, string]> = [
      [
        api()
          .post('/webhook-endpoints')
          .set(asOperator)
          .send({ url: `${base}/nul`, eventTypes: ['catalog.product.created'], description: 'a\u0000b' }),
        'description',
      ],
      [api().patch(`/webhook-endpoints/${endpoint.id}`).set(asOperator).send({ description: 'x\ud800' }), 'description'],
      [
        api().post(`/webhook-endpoints/${endpoint.id}/replay`).set(asOperator).send({ from: '2026-02-30T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' }),
        'from',
      ],
      [api().get(`/webhook-endpoints/${endpoint.id}/messages?limit=1e400`).set(asOperator), 'limit'],
    ];
    for (const [call, field] of refusals) {
      const answer = await call;
      expect(answer.status).toBe(400);
      expect(answer.body.details.join(' ')).toContain(field);
    }
    expect(await rows()).toEqual(before);
  });

  it('refuses bad registrations with reasons, and roles that may not manage endpoints', async () => {
    const bad = await api()
      .post('/webhook-endpoints')
      .set(asOperator)
      .send({ url: 'ftp://example.com/in', eventTypes: ['catalog.product.teleported'] });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'url refused', details: ['url must use https'] });
    const unknownType = await api()
      .post('/webhook-endpoints')
      .set(asOperator)
      .send({ url: `${base}/x`, eventTypes: ['catalog.product.teleported'] });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.details[0]).toMatch(/catalog\.product\.teleported is not an outbound event type/);
    const analyst = await api()
      .get('/webhook-endpoints')
      .set({ authorization: `Bearer ${tokenFor('analyst')}` });
    expect(analyst.status).toBe(403);
    expect((await api().get('/webhook-endpoints')).status).toBe(401);
  });
});
