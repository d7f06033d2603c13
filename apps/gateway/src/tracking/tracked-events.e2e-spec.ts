import { randomUUID } from 'node:crypto';
import { eventually, gatewayUrlFromEnv, testPool, tokenFor } from '@shopops/testing';
import request from 'supertest';

const event = (overrides: Record<string, unknown> = {}) => ({
  eventId: `ev-${randomUUID()}`,
  type: 'product_view',
  occurredAt: '2026-11-11T20:00:00+08:00',
  anonymousId: 'visitor-1',
  channel: 'mall',
  device: 'mobile',
  source: 'kol',
  skuCode: 'LX-DRESS-001-BLK-M',
  ...overrides,
});

describe('POST /events', () => {
  const db = testPool();
  afterAll(() => db.end());
  const post = (body: unknown, token?: string) => {
    const call = request(gatewayUrlFromEnv()).post('/events').set('content-type', 'application/json');
    return (token ? call.set('authorization', `Bearer ${token}`) : call).send(JSON.stringify(body));
  };

  it('stores the valid events of a batch for analytics and reports the others by index', async () => {
    const good = event();
    const response = await post({ events: [good, event({ type: 'teleport' }), event({ anonymousId: undefined }), good] }, tokenFor('analyst'));
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      accepted: 1,
      duplicatesInBatch: 1,
      rejected: [
        { index: 1, errors: [expect.stringContaining('type must be one of')] },
        { index: 2, errors: ['memberId or anonymousId is required'] },
      ],
    });
    const stored = await eventually(
      async () =>
        (
          await db.query(`SELECT payload FROM gateway.outbox WHERE type = 'gateway.tracked-events.received.v1' AND payload->'events'->0->>'eventId' = $1`, [
            good.eventId,
          ])
        ).rows,
      (rows) => rows.length === 1,
    );
    expect(stored[0].payload).toMatchObject({ clientId: 'test-analyst', events: [{ eventId: good.eventId, type: 'product_view', source: 'kol' }] });
  });

  it('reports each event storage cannot hold by index, and stores the valid ones of the same batch', async () => {
    const valid = [event(), event({ type: 'payment', amountFen: 2 ** 31 - 1, quantity: 3 })];
    const hostile = [
      event({ occurredAt: '2026-02-30T00:00:00+08:00' }),
      event({ amountFen: 2 ** 31 }),
      event({ amountFen: 1e300 }),
      event({ quantity: 2 ** 31 }),
      event({ query: 'dress\u0000' }),
      event({ anonymousId: 'v\ud800' }),
      event({ properties: { note: 'x\u0000' } }),
    ];
    const response = await post({ events: [valid[0], ...hostile, valid[1]] }, tokenFor('analyst'));
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(2);
    expect(response.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const [i, field] of ['occurredAt', 'amountFen', 'amountFen', 'quantity', 'query', 'anonymousId', 'properties.note'].entries()) {
      expect(response.body.rejected[i].errors.join(' ')).toContain(field);
    }
    const ids = valid.map((e) => e.eventId);
    await eventually(
      async () => (await db.query('SELECT count(*)::int AS n FROM analytics.tracked_event WHERE event_id = ANY($1)', [ids])).rows[0].n,
      (n) => n === 2,
      { what: 'the valid events of the batch in analytics' },
    );
    const refused = hostile.map((e) => e.eventId);
    expect((await db.query('SELECT count(*)::int AS n FROM analytics.seen_event WHERE event_id = ANY($1)', [refused])).rows[0].n).toBe(0);
  });

  it('refuses callers without a client token, and member tokens', async () => {
    expect((await post({ events: [event()] })).status).toBe(401);
    const member = await post({ events: [event()] }, tokenFor('member', randomUUID()));
    expect(member.status).toBe(403);
    expect(member.body).toEqual({ error: expect.any(String), details: [] });
  });

  it('answers 400 with reasons to a body that is not a batch, or a batch over 1,000 events', async () => {
    const notBatch = await post([event()], tokenFor('analyst'));
    expect(notBatch.status).toBe(400);
    expect(notBatch.body.error).toMatch(/events/);
    const tooMany = await post({ events: Array.from({ length: 1001 }, () => event()) }, tokenFor('analyst'));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details).toEqual(['events must hold 1 to 1000 events; got 1001']);
  });
});
