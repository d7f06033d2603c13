import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import {
  devWebhookSecret,
  eventually,
  GatewayClient,
  orderData,
  postWebhook,
  ROTATED_DOUYIN_SECRET,
  sendWebhook,
  signDelivery,
  testPool,
  webhookHandled,
} from '@shopops/testing';

/** Every row of CONTRACT.md's webhook answers table, signed as integrators sign (standardwebhooks). */
describe('webhook ingress (CONTRACT.md)', () => {
  const gateway = new GatewayClient();
  const db = testPool({ max: 2 });
  afterAll(() => db.end());

  const envelope = (orderId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ type: 'order.created', occurredAt: '2026-11-11T00:00:03.120+08:00', data: orderData(orderId), ...extra });

  async function storedDeliveries(webhookId: string): Promise<number> {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM gateway.webhook_delivery WHERE webhook_id = $1', [webhookId]);
    return rows[0].n;
  }

  async function channelEvents(orderId: string): Promise<number> {
    const data = await gateway.data<{ channelEventCounts: Array<{ count: number }> }>(
      `query($s: String) { channelEventCounts(subject: $s) { type count } }`,
      { s: orderId },
      { role: 'analyst' },
    );
    return data.channelEventCounts.reduce((n, c) => n + c.count, 0);
  }

  /** A refused delivery: the status, the JSON error shape, and nothing stored or emitted. */
  async function expectRefusal(response: { status: number; body: unknown }, status: number, webhookId?: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: expect.any(String), details: expect.any(Array) });
    if (webhookId) expect(await storedDeliveries(webhookId)).toBe(0);
  }

  it('202: a valid new delivery is stored before the answer, then delivered as an internal event', async () => {
    const orderId = `TB-OK-${Date.now()}`;
    const delivery = signDelivery(envelope(orderId, { extraField: 'kept' }), { secret: devWebhookSecret('taobao') });
    const response = await postWebhook(gateway.baseUrl, 'taobao', delivery);
    expect(response.status).toBe(202);
    const { rows } = await db.query('SELECT type, body FROM gateway.webhook_delivery WHERE webhook_id = $1', [delivery.id]);
    // Kept as sent (extra fields too), the buyer's phone and nickname sealed.
    const sent = JSON.parse(delivery.body);
    const sealedBuyer = {
      platformUserId: sent.data.buyer.platformUserId,
      nicknameSealed: expect.any(String),
      phoneSealed: expect.any(String),
      phoneHash: expect.any(String),
    };
    expect(rows.map((r) => ({ type: r.type, body: JSON.parse(r.body) }))).toEqual([
      { type: 'order.created', body: { ...sent, data: { ...sent.data, buyer: sealedBuyer } } },
    ]);
    await eventually(
      () => channelEvents(orderId),
      (n) => n === 1,
      { what: 'the channel event in analytics' },
    );
  });

  it('200 {"duplicate":true}: a replayed webhook-id is acknowledged and has no second effect', async () => {
    const orderId = `TB-DUP-${Date.now()}`;
    const delivery = signDelivery(envelope(orderId), { secret: devWebhookSecret('taobao') });
    expect((await postWebhook(gateway.baseUrl, 'taobao', delivery)).status).toBe(202);
    const replay = signDelivery(delivery.body, { secret: devWebhookSecret('taobao'), id: delivery.id });
    const again = await postWebhook(gateway.baseUrl, 'taobao', replay);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ duplicate: true });
    // The duplicate emitted nothing: the one event there is has been handled, and counted once.
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM gateway.outbox WHERE payload->>'orderId' = $1`, [orderId]);
    expect(rows[0].n).toBe(1);
    await webhookHandled('analytics', delivery.id);
    expect(await channelEvents(orderId)).toBe(1);
    expect(await storedDeliveries(delivery.id)).toBe(1);
  });

  it('accepts either of two configured secrets while one is rotated out, and no other', async () => {
    const old = signDelivery(envelope(`DY-OLD-${Date.now()}`), { secret: devWebhookSecret('douyin') });
    const rotated = signDelivery(envelope(`DY-NEW-${Date.now()}`), { secret: ROTATED_DOUYIN_SECRET });
    const stranger = signDelivery(envelope(`DY-BAD-${Date.now()}`), { secret: devWebhookSecret('taobao') });
    expect((await postWebhook(gateway.baseUrl, 'douyin', old)).status).toBe(202);
    expect((await postWebhook(gateway.baseUrl, 'douyin', rotated)).status).toBe(202);
    await expectRefusal(await postWebhook(gateway.baseUrl, 'douyin', stranger), 401, stranger.id);
  });

  it('carries the request id of the delivery with its event across the queue', async () => {
    const requestId = `req-${randomUUID()}`;
    const orderId = `TB-RID-${Date.now()}`;
    const delivery = signDelivery(envelope(orderId), { secret: devWebhookSecret('taobao') });
    expect((await postWebhook(gateway.baseUrl, 'taobao', { body: delivery.body, headers: { ...delivery.headers, 'x-request-id': requestId } })).status).toBe(
      202,
    );
    const { rows } = await db.query(`SELECT event_id, request_id FROM gateway.outbox WHERE payload->>'orderId' = $1`, [orderId]);
    expect(rows).toEqual([{ event_id: expect.any(String), request_id: requestId }]);
    const redis = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      // The event travels in the batch job the relay published it in.
      const jobId = await eventually(
        async () => (await db.query(`SELECT job_id FROM gateway.outbox WHERE event_id = $1`, [rows[0].event_id])).rows[0]?.job_id as string | null,
        Boolean,
        { what: 'the event published' },
      );
      const job = await eventually(() => redis.hget(`${process.env.SHOPOPS_TEST_QUEUE_PREFIX}:analytics-events:${jobId}`, 'data'), Boolean, {
        what: 'the job on the analytics queue',
      });
      const carried = (JSON.parse(job as string) as { events: Array<{ id: string }> }).events.find((e) => e.id === rows[0].event_id);
      expect(carried).toMatchObject({ id: rows[0].event_id, requestId });
    } finally {
      redis.disconnect();
    }
  });

  it('accepts webhook ids up to 255 characters', async () => {
    const delivery = signDelivery(envelope(`TB-LONGID-${Date.now()}`), { secret: devWebhookSecret('taobao'), id: `msg_${'x'.repeat(251)}` });
    expect((await postWebhook(gateway.baseUrl, 'taobao', delivery)).status).toBe(202);
    const tooLong = signDelivery(envelope('TB-TOOLONG'), { secret: devWebhookSecret('taobao'), id: `msg_${'x'.repeat(252)}` });
    await expectRefusal(await postWebhook(gateway.baseUrl, 'taobao', tooLong), 401, tooLong.id);
  });

  it('passes when any one of several signatures in the header is valid', async () => {
    const delivery = signDelivery(envelope(`TB-MULTI-${Date.now()}`), { secret: devWebhookSecret('taobao') });
    const headers = { ...delivery.headers, 'webhook-signature': `v1,${Buffer.from('not it').toString('base64')} ${delivery.headers['webhook-signature']}` };
    expect((await postWebhook(gateway.baseUrl, 'taobao', { body: delivery.body, headers })).status).toBe(202);
  });

  it('401: missing signature headers', async () => {
    const id = `msg_${randomUUID()}`;
    const response = await postWebhook(gateway.baseUrl, 'taobao', {
      body: envelope('TB-NOSIG'),
      headers: { 'content-type': 'application/json', 'webhook-id': id },
    });
    await expectRefusal(response, 401, id);
    expect(response.body.details).toEqual(['webhook-timestamp header is required', 'webhook-signature header is required']);
  });

  it('401: a wrong signature, or a body changed after signing', async () => {
    const delivery = signDelivery(envelope(`TB-WRONG-${Date.now()}`), { secret: devWebhookSecret('taobao') });
    await expectRefusal(
      await postWebhook(gateway.baseUrl, 'taobao', { body: delivery.body.replace('99900', '1'), headers: delivery.headers }),
      401,
      delivery.id,
    );
    const forged = { ...delivery.headers, 'webhook-signature': 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' };
    await expectRefusal(await postWebhook(gateway.baseUrl, 'taobao', { body: delivery.body, headers: forged }), 401, delivery.id);
  });

  it('401: a timestamp more than 300 s from now, in either direction', async () => {
    // A minute past the tolerance, so a slow machine cannot carry a future timestamp back inside it.
    const past = signDelivery(envelope('TB-OLD'), { secret: devWebhookSecret('taobao'), timestamp: new Date(Date.now() - 360_000) });
    const future = signDelivery(envelope('TB-FUTURE'), { secret: devWebhookSecret('taobao'), timestamp: new Date(Date.now() + 360_000) });
    const oldAnswer = await postWebhook(gateway.baseUrl, 'taobao', past);
    await expectRefusal(oldAnswer, 401, past.id);
    expect(oldAnswer.body.error).toBe('stale timestamp');
    await expectRefusal(await postWebhook(gateway.baseUrl, 'taobao', future), 401, future.id);
  });

  it('400 with the reasons: a body that is not JSON', async () => {
    const delivery = signDelivery('{"type": "order.created", ', { secret: devWebhookSecret('taobao') });
    const response = await postWebhook(gateway.baseUrl, 'taobao', delivery);
    await expectRefusal(response, 400, delivery.id);
    expect(response.body.error).toBe('body is not JSON');
    expect(response.body.details[0]).toMatch(/JSON/);
  });

  it('400 with the reasons: an invalid envelope or invalid data, naming each field', async () => {
    const noType = signDelivery(JSON.stringify({ occurredAt: '2026-11-11T00:00:03+08:00', data: {} }), { secret: devWebhookSecret('taobao') });
    const missing = await postWebhook(gateway.baseUrl, 'taobao', noType);
    await expectRefusal(missing, 400, noType.id);
    expect(missing.body.details.join(' ')).toMatch(/type must be one of/);

    const badData = signDelivery(
      JSON.stringify({
        type: 'order.paid',
        occurredAt: '2026-11-11T00:00:03+08:00',
        data: orderData('TB-BAD', { lines: [{ skuCode: 'X', quantity: 0, unitPriceFen: -5 }], placedAt: 'yesterday' }),
      }),
      { secret: devWebhookSecret('taobao') },
    );
    const invalid = await postWebhook(gateway.baseUrl, 'taobao', badData);
    await expectRefusal(invalid, 400, badData.id);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        expect.stringContaining('data.lines.0.quantity'),
        expect.stringContaining('data.lines.0.unitPriceFen'),
        expect.stringContaining('data.placedAt'),
      ]),
    );
  });

  it('400 naming the field for input storage cannot hold, while deliveries sent at the same instant are all accepted', async () => {
    const stamp = Date.now();
    const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const order = (suffix: string, overrides: Record<string, unknown> = {}) =>
      JSON.stringify({ type: 'order.paid', occurredAt: '2026-11-11T00:00:03+08:00', data: orderData(`TB-HOSTILE-${suffix}-${stamp}`, overrides) });
    const hostile: Array<[string, string]> = [
      [order('nul', { buyer: { platformUserId: 'tb_nul', nickname: 'a\u0000b' } }), 'data.buyer.nickname'],
      [order('surrogate', { note: 'x\ud800' }), 'data.note'],
      [order('deep').replace('"region"', `"extra":${deep(10_001)},"region"`), 'data.extra'],
      [order('constructor').replace('"region"', '"constructor":{"x":1},"region"'), 'data.constructor'],
      [order('proto').replace('"region"', '"__proto__":{"x":1},"region"'), 'data.__proto__'],
      [order('feb30', { placedAt: '2026-02-30T00:00:00+08:00' }), 'data.placedAt'],
      [order('price', { lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: 2 ** 31 }] }), 'data.lines.0.unitPriceFen'],
      [order('linetotal', { lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 3, unitPriceFen: 2 ** 30 }] }), 'data.lines.0.unitPriceFen'],
      [order('total', { totalFen: 2 ** 31 }), 'data.totalFen'],
      [
        JSON.stringify({
          type: 'refund.requested',
          occurredAt: '2026-11-11T00:00:03+08:00',
          data: { orderId: 'X', refundId: 'R', lines: [], amountFen: 2 ** 31, reason: 'r' },
        }),
        'data.amountFen',
      ],
      [JSON.stringify({ type: 'order.paid', occurredAt: '2026-02-30T00:00:00+08:00', data: orderData(`TB-HOSTILE-occ-${stamp}`) }), 'occurredAt'],
    ];
    const bad = hostile.map(([body]) => signDelivery(body, { secret: devWebhookSecret('taobao') }));
    const good = Array.from({ length: 10 }, (_, i) => signDelivery(envelope(`DY-NEIGHBOUR-${i}-${stamp}`), { secret: devWebhookSecret('douyin') }));
    const answers = await Promise.all([
      ...bad.map((d) => postWebhook(gateway.baseUrl, 'taobao', d)),
      ...good.map((d) => postWebhook(gateway.baseUrl, 'douyin', d)),
    ]);

    for (const [i, [, field]] of hostile.entries()) {
      await expectRefusal(answers[i], 400, bad[i].id);
      expect(answers[i].body.details.join(' ')).toContain(field);
    }
    expect(answers.slice(hostile.length).map((a) => a.status)).toEqual(good.map(() => 202));
    for (const [i, delivery] of good.entries()) {
      expect(await storedDeliveries(delivery.id)).toBe(1);
      await eventually(
        () => channelEvents(`DY-NEIGHBOUR-${i}-${stamp}`),
        (n) => n === 1,
        { what: `neighbour ${i} in analytics` },
      );
    }
  });

  it('413: a body larger than 1 MiB', async () => {
    const big = JSON.stringify({ type: 'message.received', occurredAt: '2026-11-11T00:00:03+08:00', data: { text: 'x'.repeat(1024 * 1024) } });
    const delivery = signDelivery(big, { secret: devWebhookSecret('taobao') });
    await expectRefusal(await postWebhook(gateway.baseUrl, 'taobao', delivery), 413, delivery.id);
  });

  it('404: an unknown source', async () => {
    const delivery = signDelivery(envelope('XX-1'), { secret: devWebhookSecret('pinduoduo') });
    await expectRefusal(await postWebhook(gateway.baseUrl, 'pinduoduo', delivery), 404, delivery.id);
  });

  it('maps every event family to its internal event', async () => {
    const stamp = Date.now();
    const buyer = { platformUserId: `tb_family_${stamp}` };
    const deliveries = [
      { type: 'refund.requested', data: { orderId: `TB-F-${stamp}`, refundId: `R-${stamp}`, lines: [], amountFen: 100, reason: '尺码不合适' } },
      {
        type: 'review.created',
        data: {
          reviewId: `RV-${stamp}`,
          orderId: `TB-F-${stamp}`,
          skuCode: 'LX-DRESS-001-BLK-M',
          buyer,
          rating: 5,
          text: '面料很好',
          images: [],
          createdAt: '2026-11-12T10:00:00+08:00',
        },
      },
      { type: 'logistics.updated', data: { trackingNo: `SF-${stamp}`, carrier: 'SF', status: 'in_transit', at: '2026-11-12T10:00:00+08:00' } },
      { type: 'message.received', data: { conversationId: `C-${stamp}`, buyer, text: '这件有M码吗？', at: '2026-11-12T10:00:00+08:00' } },
    ];
    for (const envelope_ of deliveries) expect((await sendWebhook(gateway.baseUrl, 'taobao', envelope_)).status).toBe(202);
    // The refund and the review are both about the order; the others have subjects of their own.
    await eventually(
      () => channelEvents(`TB-F-${stamp}`),
      (n) => n === 2,
      { what: 'the refund and review events' },
    );
    for (const subject of [`SF-${stamp}`, `C-${stamp}`]) {
      await eventually(
        () => channelEvents(subject),
        (n) => n === 1,
        { what: `an event about ${subject}` },
      );
    }
  });
});
