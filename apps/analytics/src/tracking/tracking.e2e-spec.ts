import { randomUUID } from 'node:crypto';
import { eventQueueName } from '@shopops/contracts';
import { eventHandled, eventually, GatewayClient, testPool, tokenFor, uniqueCode } from '@shopops/testing';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import request from 'supertest';
// The suite's Redis and queue prefix, to deliver a batch a second time.
import { harnessEnv, suiteEnv } from '../../../../libs/testing/src/harness-env';

/**
 * Each tracked event counts once in every figure built from it, however it comes back: the same
 * events in a second batch, and the same outbox batch delivered to analytics a second time.
 */
describe('tracked events counted once', () => {
  const gateway = new GatewayClient();
  const analyst = { role: 'analyst' as const };
  const db = testPool();
  afterAll(() => db.end());

  // A day no other suite uses, so the shop-wide figures for it are this test's alone.
  const DAY = '2025-04-14';
  const at = (time: string) => `${DAY}T${time}+08:00`;
  const postEvents = (events: unknown[]) =>
    request(gateway.baseUrl)
      .post('/events')
      .set('authorization', `Bearer ${tokenFor('analyst')}`)
      .send({ events });
  const event = (type: string, visitor: string, time: string, extra: Record<string, unknown> = {}) => ({
    eventId: `ev-${randomUUID()}`,
    type,
    occurredAt: at(time),
    anonymousId: visitor,
    channel: 'douyin',
    device: 'mobile',
    source: 'organic_search',
    ...extra,
  });

  /** The outbox batch that carried an event (the one with `size` events, when several did). */
  const outboxBatch = async (eventId: string, size: number) => {
    const { rows } = await db.query<{ event_id: string; type: string; payload: { events: unknown[] }; occurred_at: Date }>(
      `SELECT event_id, type, payload, occurred_at FROM gateway.outbox
        WHERE type = 'gateway.tracked-events.received.v1' AND payload->'events' @> jsonb_build_array(jsonb_build_object('eventId', $1::text))`,
      [eventId],
    );
    const batch = rows.find((r) => r.payload.events.length === size);
    if (!batch) throw new Error(`no outbox batch of ${size} events holds ${eventId}`);
    return batch;
  };

  /** Delivers an outbox batch to analytics again, as a redelivery after its first job aged out would. */
  const redeliver = async (batch: Awaited<ReturnType<typeof outboxBatch>>) => {
    const connection = new IORedis(harnessEnv.redisUrl(), { maxRetriesPerRequest: null });
    const queue = new Queue(eventQueueName('analytics'), { connection, prefix: suiteEnv.queuePrefix() });
    try {
      const jobId = `${batch.event_id}-again`;
      const envelope = { id: batch.event_id, type: batch.type, producer: 'gateway', occurredAt: batch.occurred_at.toISOString(), payload: batch.payload };
      await queue.add(batch.type, envelope, { jobId });
      const state = await eventually(
        () => queue.getJobState(jobId),
        (s) => s === 'completed' || s === 'failed',
        { what: 'the redelivered batch to be handled' },
      );
      expect(state).toBe('completed');
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };

  it('counts events sent twice and a batch delivered twice once in KPIs, hourly figures, attribution, co-views, funnels and experiments', async () => {
    const key = `once-${randomUUID().slice(0, 6)}`;
    const defined = await gateway.query(
      `mutation($i: ExperimentInput!) { defineExperiment(input: $i) { key } }`,
      {
        i: {
          key,
          name: 'once',
          variants: [
            { name: 'control', weight: 1 },
            { name: 'treatment', weight: 1 },
          ],
          metric: 'payment',
          baselineRate: 0.1,
          minimumDetectableEffect: 0.05,
        },
      },
      { role: 'operator' },
    );
    expect(defined.errors).toBeUndefined();
    const [skuA, skuB] = [uniqueCode('OA'), uniqueCode('OB')];
    const campaign = uniqueCode('CMP');
    const [u1, u2] = [`once-${key}-1`, `once-${key}-2`];
    const session = `s-${key}`;
    const first = [
      event('experiment_exposure', u1, '10:00:00', { experiment: { key, variant: 'treatment' } }),
      event('search', u1, '10:01:00'),
      event('product_view', u1, '10:02:00', { sessionId: session, skuCode: skuA }),
      event('product_view', u1, '10:03:00', { sessionId: session, skuCode: skuB }),
      event('add_to_cart', u1, '10:04:00', { skuCode: skuB }),
      event('payment', u1, '10:05:00', { amountFen: 5000, campaign, referrer: 'kol-once' }),
      event('search', u2, '11:00:00', { source: 'kol' }),
    ];
    // The second batch repeats every event of the first and adds one.
    const later = event('product_view', u2, '11:10:00', { sessionId: `${session}-2`, skuCode: skuA });
    expect((await postEvents(first)).body.accepted).toBe(first.length);
    expect((await postEvents([...first, later])).body.accepted).toBe(first.length + 1);
    const firstBatch = await outboxBatch(first[0].eventId, first.length);
    const secondBatch = await outboxBatch(first[0].eventId, first.length + 1);
    await eventHandled('analytics', firstBatch.event_id);
    await eventHandled('analytics', secondBatch.event_id);
    await redeliver(firstBatch);

    const ids = [...first, later].map((e) => e.eventId);
    const stored = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM analytics.tracked_event WHERE event_id = ANY ($1)`, [ids]);
    expect(stored.rows[0].n).toBe(ids.length);

    const daily = await db.query(
      `SELECT sum(visitors)::int AS visitors, sum(paid_visits)::int AS paid_visits, sum(searches)::int AS searches, sum(product_views)::int AS product_views,
              sum(add_to_carts)::int AS add_to_carts FROM analytics.kpi_daily WHERE day = $1 AND channel = 'douyin'`,
      [DAY],
    );
    // u1 came from organic search, u2 from a KOL: two visitors, one paid visit.
    expect(daily.rows[0]).toEqual({ visitors: 2, paid_visits: 1, searches: 2, product_views: 3, add_to_carts: 1 });
    const kpis = await gateway.data<{ shopKpis: Array<{ visitors: number }> }>(
      `query { shopKpis(from: "${DAY}", to: "${DAY}", channel: "douyin") { visitors } }`,
      {},
      analyst,
    );
    expect(kpis.shopKpis[0].visitors).toBe(2);

    const hourly = await db.query(
      `SELECT to_char(hour AT TIME ZONE 'Asia/Shanghai', 'HH24') AS hour, metric, value::int AS value FROM analytics.kpi_hourly
        WHERE channel = 'douyin' AND hour >= $1::timestamptz AND hour < $1::timestamptz + interval '1 day' ORDER BY 1, 2`,
      [at('00:00:00')],
    );
    expect(hourly.rows).toEqual([
      { hour: '10', metric: 'payments', value: 1 },
      { hour: '10', metric: 'traffic', value: 2 },
      { hour: '11', metric: 'traffic', value: 1 },
    ]);

    const sales = await db.query(`SELECT orders, gmv_fen::int AS gmv_fen FROM analytics.attributed_sale WHERE day = $1 AND campaign = $2`, [DAY, campaign]);
    expect(sales.rows).toEqual([{ orders: 1, gmv_fen: 5000 }]);

    const coViews = await db.query(`SELECT sku_a, sku_b, sessions FROM analytics.view_pair WHERE sku_a = ANY ($1) ORDER BY sku_a`, [[skuA, skuB]]);
    expect(coViews.rows).toEqual([
      { sku_a: skuA, sku_b: skuB, sessions: 1 },
      { sku_a: skuB, sku_b: skuA, sessions: 1 },
    ]);

    const funnel = await gateway.data<{ funnel: Array<{ steps: Array<{ visitors: number; medianSecondsFromPrevious: number | null }> }> }>(
      `query($i: FunnelInput!) { funnel(input: $i) { steps { visitors medianSecondsFromPrevious } } }`,
      { i: { steps: ['search', 'product_view', 'add_to_cart', 'payment'], from: DAY, to: DAY, channel: 'douyin' } },
      analyst,
    );
    expect(funnel.funnel[0].steps).toEqual([
      { visitors: 2, medianSecondsFromPrevious: null },
      // u1 viewed a minute after searching, u2 ten minutes after.
      { visitors: 2, medianSecondsFromPrevious: 330 },
      { visitors: 1, medianSecondsFromPrevious: 120 },
      { visitors: 1, medianSecondsFromPrevious: 60 },
    ]);

    const experiment = await gateway.data<{
      experiment: { variants: Array<{ variant: string; units: number; conversions: number; revenuePerUnitFen: number }> };
    }>(
      `query($k: String!) { experiment(key: $k) { ... on ExperimentAnalysis { variants { variant units conversions revenuePerUnitFen } } } }`,
      { k: key },
      analyst,
    );
    expect(experiment.experiment.variants).toEqual([
      { variant: 'control', units: 0, conversions: 0, revenuePerUnitFen: 0 },
      { variant: 'treatment', units: 1, conversions: 1, revenuePerUnitFen: 5000 },
    ]);
  });
});
