import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventHandled, eventually, GatewayClient, orderData, sendWebhook, testPool, tokenFor, uniqueCode } from '@shopops/testing';

/**
 * Analytics on known data, every expected figure worked out by hand: behaviour events through
 * POST /events, orders and refunds through signed webhooks, read back through the gateway.
 */
describe('analytics', () => {
  const gateway = new GatewayClient();
  const analyst = { role: 'analyst' as const };
  const db = testPool();
  afterAll(() => db.end());

  const postEvents = (events: unknown[]) =>
    request(gateway.baseUrl)
      .post('/events')
      .set('authorization', `Bearer ${tokenFor('analyst')}`)
      .send({ events });
  const event = (type: string, visitor: string, at: string, extra: Record<string, unknown> = {}) => ({
    eventId: `ev-${randomUUID()}`,
    type,
    occurredAt: at,
    anonymousId: visitor,
    channel: 'douyin',
    device: 'mobile',
    source: 'organic_search',
    ...extra,
  });
  const stored = async (ids: string[]) =>
    Number((await db.query(`SELECT count(*) FROM analytics.tracked_event WHERE event_id = ANY ($1)`, [ids])).rows[0].count);

  // A day no other suite uses, so the shop-wide figures for it are this test's alone.
  const DAY = '2025-03-03';
  const at = (time: string) => `${DAY}T${time}+08:00`;

  it('stores events once each (late ones on their own day), reporting malformed ones by index', async () => {
    const good = event('product_view', 'v-late', '2025-02-11T23:30:00+08:00');
    const response = await postEvents([
      good,
      good,
      { ...event('search', 'v-x', at('09:00:00')), device: 'fax' },
      event('search', 'v-x', at('09:00:00'), { anonymousId: undefined }),
    ]);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      accepted: 1,
      duplicatesInBatch: 1,
      rejected: [
        { index: 2, errors: [expect.stringContaining('device')] },
        { index: 3, errors: ['memberId or anonymousId is required'] },
      ],
    });
    await eventually(
      () => stored([good.eventId]),
      (n) => n === 1,
      { what: 'the event to be stored' },
    );
    // Sent again in a later batch: ignored, once analytics has handled both batches.
    expect((await postEvents([good])).status).toBe(202);
    const batches = await db.query(
      `SELECT event_id FROM gateway.outbox WHERE type = 'gateway.tracked-events.received.v1' AND payload->'events' @> jsonb_build_array(jsonb_build_object('eventId', $1::text))`,
      [good.eventId],
    );
    expect(batches.rows).toHaveLength(2);
    for (const { event_id } of batches.rows) await eventHandled('analytics', event_id);
    expect(await stored([good.eventId])).toBe(1);
    const row = (await db.query(`SELECT day::text, tableoid::regclass::text AS partition FROM analytics.tracked_event WHERE event_id = $1`, [good.eventId]))
      .rows[0];
    // 23:30 in Shanghai on 11 February is still the 11th, and lands in February's partition.
    expect(row).toEqual({ day: '2025-02-11', partition: 'analytics.tracked_event_2025_02' });
    const bad = await request(gateway.baseUrl)
      .post('/events')
      .set('authorization', `Bearer ${tokenFor('analyst')}`)
      .send({ events: [] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: expect.any(String), details: [expect.stringContaining('1 to 1000')] });
  });

  it('computes KPIs, the funnel and demand from known visits, orders and a refund', async () => {
    const sku = uniqueCode('AN');
    const steps = (visitor: string, types: string[], device = 'mobile', startMinute = 0) =>
      types.map((type, i) => event(type, visitor, at(`10:${String(startMinute + i).padStart(2, '0')}:00`), { device, skuCode: sku }));
    const events = [
      ...steps('v1', ['search', 'click', 'product_view', 'add_to_cart', 'order', 'payment']),
      ...steps('v2', ['search', 'click', 'product_view']),
      ...steps('v3', ['search', 'product_view', 'add_to_cart'], 'pc'),
      ...steps('v4', ['search'], 'pc'),
      // v4 clicks two days later: outside the 24-hour window (and the range).
      event('click', 'v4', '2025-03-05T10:00:00+08:00', { device: 'pc' }),
      // v1 again the same day: still one visitor.
      event('product_view', 'v1', at('18:00:00')),
    ];
    expect((await postEvents(events)).body.accepted).toBe(events.length);
    await eventually(
      () => stored(events.map((e) => e.eventId)),
      (n) => n === events.length,
      { what: 'the events to be stored' },
    );

    const order = async (totalFen: number) => {
      const orderId = `DY${uniqueCode('AN')}`;
      const data = orderData(orderId, { buyer: { platformUserId: `dy_${orderId}` }, lines: [{ skuCode: sku, quantity: 1, unitPriceFen: totalFen }], totalFen });
      expect((await sendWebhook(gateway.baseUrl, 'douyin', { type: 'order.paid', occurredAt: at('11:00:00'), data })).status).toBe(202);
      return data;
    };
    const first = await order(30000);
    await order(50000);
    const refund = { orderId: first.orderId, refundId: `R-${String(first.orderId)}`, lines: first.lines, amountFen: 10000, reason: '质量问题' };
    expect((await sendWebhook(gateway.baseUrl, 'douyin', { type: 'refund.completed', occurredAt: at('15:00:00'), data: refund })).status).toBe(202);
    // The same refund re-sent counts once.
    expect((await sendWebhook(gateway.baseUrl, 'douyin', { type: 'refund.completed', occurredAt: at('15:00:00'), data: refund })).status).toBe(202);

    type Kpi = {
      period: string;
      visitors: number;
      orders: number;
      gmvFen: number;
      conversionRate: number;
      aovFen: number;
      refundFen: number;
      refundAdjustedGmvFen: number;
      returnRate: number;
    };
    const kpis = await eventually(
      async () =>
        (
          await gateway.data<{ shopKpis: Kpi[] }>(
            `query { shopKpis(from: "${DAY}", to: "${DAY}", channel: "douyin") { period visitors orders gmvFen conversionRate aovFen refundFen refundAdjustedGmvFen returnRate } }`,
            {},
            analyst,
          )
        ).shopKpis,
      (rows) => rows[0]?.orders === 2 && rows[0]?.refundFen === 10000 && rows[0]?.visitors === 4,
      { what: 'the KPIs' },
    );
    // 4 visitors, 2 orders: conversion 0.5; GMV 80,000, AOV 40,000; one refund of 10,000 on 2 orders.
    expect(kpis).toEqual([
      {
        period: DAY,
        visitors: 4,
        orders: 2,
        gmvFen: 80000,
        conversionRate: 0.5,
        aovFen: 40000,
        refundFen: 10000,
        refundAdjustedGmvFen: 70000,
        returnRate: 0.5,
      },
    ]);
    const mobile = await gateway.data<{ shopKpis: Array<{ visitors: number }> }>(
      `query { shopKpis(from: "${DAY}", to: "${DAY}", channel: "douyin", device: "mobile") { visitors } }`,
      {},
      analyst,
    );
    expect(mobile.shopKpis[0].visitors).toBe(2);

    type FunnelView = {
      segment: string | null;
      overallConversion: number;
      steps: Array<{ step: string; visitors: number; dropFromPrevious: number; medianSecondsFromPrevious: number | null }>;
    };
    const funnel = async (breakdown: string) =>
      (
        await gateway.data<{ funnel: FunnelView[] }>(
          `query($i: FunnelInput!) { funnel(input: $i) { segment overallConversion steps { step visitors dropFromPrevious medianSecondsFromPrevious } } }`,
          { i: { from: DAY, to: DAY, channel: 'douyin', breakdown } },
          analyst,
        )
      ).funnel;
    const [all] = await funnel('NONE');
    // search 4 → click 2 (v3 never clicked, v4 too late) → view 2 → cart 1 → order 1 → pay 1.
    expect(all.steps.map((s) => s.visitors)).toEqual([4, 2, 2, 1, 1, 1]);
    expect(all.steps.map((s) => s.dropFromPrevious)).toEqual([0, 0.5, 0, 0.5, 0, 0]);
    expect(all.steps[1].medianSecondsFromPrevious).toBe(60);
    expect(all.overallConversion).toBe(0.25);
    const byDevice = await funnel('DEVICE');
    expect(byDevice.map((f) => [f.segment, f.steps.map((s) => s.visitors)]).sort()).toEqual([
      ['mobile', [2, 2, 2, 1, 1, 1]],
      ['pc', [2, 0, 0, 0, 0, 0]],
    ]);

    const demand = await gateway.data<{ demandSeries: Array<{ day: string; units: number }> }>(
      `query($s: String!) { demandSeries(skuCode: $s, from: "2025-03-02", to: "2025-03-04") { day units } }`,
      { s: sku },
      analyst,
    );
    expect(demand.demandSeries).toEqual([
      { day: '2025-03-02', units: 0 },
      { day: DAY, units: 2 },
      { day: '2025-03-04', units: 0 },
    ]);

    const bad = await gateway.query(`query { shopKpis(from: "2025-03-05", to: "2025-03-01") { period } }`, {}, analyst);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['to'] });
  });

  it('finds products bought together with support, confidence and lift', async () => {
    const [a, b, c] = [uniqueCode('RA'), uniqueCode('RB'), uniqueCode('RC')];
    const baskets = [[a, b], [a, b, c], [a], [c]];
    const user = `dy_reco_${randomUUID().slice(0, 6)}`;
    for (const basket of baskets) {
      const orderId = `DY${uniqueCode('RE')}`;
      const data = orderData(orderId, {
        buyer: { platformUserId: user },
        lines: basket.map((s) => ({ skuCode: s, quantity: 1, unitPriceFen: 1000 })),
        totalFen: 1000 * basket.length,
      });
      expect((await sendWebhook(gateway.baseUrl, 'douyin', { type: 'order.paid', data })).status).toBe(202);
    }
    await eventually(
      async () => Number((await db.query(`SELECT count(*) FROM analytics.order_fact WHERE buyer_id = $1`, [`douyin:${user}`])).rows[0].count),
      (n) => n === 4,
      { what: 'the four orders' },
    );
    // Other suites' orders count in the total too: read the rules between two equal readings of it.
    const totalNow = async () => Number((await db.query(`SELECT orders FROM analytics.basket_total`)).rows[0].orders);
    const { total, again } = await eventually(
      async () => {
        const before = await totalNow();
        const read = await gateway.data<{ boughtTogether: Array<{ skuCode: string; orders: number; support: number; confidence: number; lift: number }> }>(
          `query($s: String!) { boughtTogether(skuCode: $s, minOrders: 1) { skuCode orders support confidence lift } }`,
          { s: a },
          analyst,
        );
        return { total: before, again: read, stable: before === (await totalNow()) };
      },
      (x) => x.stable,
      { what: 'a quiet moment' },
    );
    // A is in 3 orders, B in 2, C in 2; A+B in 2, A+C in 1. confidence(A→B) = 2/3; support = 2/T; lift = (2/3) / (2/T).
    const round = (n: number) => Math.round(n * 10_000) / 10_000;
    expect(again.boughtTogether).toHaveLength(2);
    expect(again.boughtTogether.find((r) => r.skuCode === b)).toEqual({
      skuCode: b,
      orders: 2,
      support: round(2 / total),
      confidence: round(2 / 3),
      lift: round(2 / 3 / (2 / total)),
    });
    expect(again.boughtTogether.find((r) => r.skuCode === c)).toMatchObject({ orders: 1, confidence: round(1 / 3) });
    // The buyer already has all three: nothing from these to suggest.
    const picks = await gateway.data<{ picksForBuyer: unknown[] }>(
      `query($u: String!) { picksForBuyer(channel: "douyin", platformUserId: $u) { skuCode } }`,
      { u: user },
      analyst,
    );
    expect(picks.picksForBuyer).toEqual([]);
  });

  it('runs an experiment: stable assignment, exposures, conversions after exposure, z-test and the fixed-horizon verdict', async () => {
    const key = `main-image-${randomUUID().slice(0, 6)}`;
    const defined = await gateway.data<{ defineExperiment: { plannedUnitsPerVariant: number; complete: boolean } }>(
      `mutation($i: ExperimentInput!) { defineExperiment(input: $i) { plannedUnitsPerVariant complete } }`,
      {
        i: {
          key,
          name: '主图 A/B',
          variants: [
            { name: 'control', weight: 1 },
            { name: 'lifestyle', weight: 1 },
          ],
          metric: 'payment',
          baselineRate: 0.1,
          minimumDetectableEffect: 0.05,
        },
      },
      { role: 'operator' },
    );
    // (1.959964·√(2·.125·.875) + 0.841621·√(.1·.9 + .15·.85))² / .05² = 685.6 → 686.
    expect(defined.defineExperiment).toEqual({ plannedUnitsPerVariant: 686, complete: false });
    const variantOf = async (unit: string) =>
      (
        await gateway.data<{ experimentVariant: string }>(
          `query($k: String!, $u: String!) { experimentVariant(key: $k, unitId: $u) }`,
          { k: key, u: unit },
          analyst,
        )
      ).experimentVariant;
    expect(await variantOf('visitor-1')).toBe(await variantOf('visitor-1'));

    const exposures: unknown[] = [];
    const conversions: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      const visitor = `exp-${key}-${i}`;
      const variant = i < 10 ? 'control' : 'lifestyle';
      exposures.push(event('experiment_exposure', visitor, at('12:00:00'), { experiment: { key, variant } }));
      // control: 2 of 10 pay; lifestyle: 5 of 10 pay.
      if ((variant === 'control' && i < 2) || (variant === 'lifestyle' && i < 15))
        conversions.push(event('payment', visitor, at('12:30:00'), { amountFen: 10000 }));
    }
    // A payment before exposure does not count.
    conversions.push(event('payment', `exp-${key}-9`, at('11:00:00'), { amountFen: 10000 }));
    expect((await postEvents(exposures)).body.accepted).toBe(20);
    await eventually(
      async () => Number((await db.query(`SELECT count(*) FROM analytics.experiment_unit WHERE experiment_key = $1`, [key])).rows[0].count),
      (n) => n === 20,
      { what: 'exposures' },
    );
    expect((await postEvents(conversions)).body.accepted).toBe(8);

    type Analysis = {
      complete: boolean;
      sampleRatioPValue: number;
      sampleRatioMismatch: boolean;
      verdict: string;
      variants: Array<{
        variant: string;
        units: number;
        conversions: number;
        conversionRate: number;
        pValue: number | null;
        difference: number | null;
        chanceToBeatControl: number | null;
      }>;
    };
    const analysis = await eventually(
      async () =>
        (
          await gateway.data<{ experiment: Analysis }>(
            `query($k: String!) { experiment(key: $k) { ... on ExperimentAnalysis { complete sampleRatioPValue sampleRatioMismatch verdict variants { variant units conversions conversionRate pValue difference chanceToBeatControl } } } }`,
            { k: key },
            analyst,
          )
        ).experiment,
      (x) => x.variants.reduce((n, v) => n + v.conversions, 0) === 7,
      { what: 'conversions' },
    );
    expect(analysis.variants.map((v) => [v.variant, v.units, v.conversions, v.conversionRate])).toEqual([
      ['control', 10, 2, 0.2],
      ['lifestyle', 10, 5, 0.5],
    ]);
    // Pooled 7/20 = .35; SE = √(.35·.65·(1/10 + 1/10)) = .21331; z = .3/.21331 = 1.4064; p = 0.1596.
    expect(analysis.variants[1].pValue).toBeCloseTo(0.1596, 3);
    expect(analysis.variants[1].difference).toBeCloseTo(0.3, 10);
    expect(analysis.variants[1].chanceToBeatControl).toBeGreaterThan(0.9);
    expect(analysis).toMatchObject({
      complete: false,
      sampleRatioPValue: 1,
      sampleRatioMismatch: false,
      verdict: expect.stringContaining('do not stop early'),
    });

    const bad = await gateway.query(
      `mutation($i: ExperimentInput!) { defineExperiment(input: $i) { key } }`,
      { i: { key: 'Bad Key', name: 'x', variants: [{ name: 'a', weight: 1 }], metric: 'payment', baselineRate: 2, minimumDetectableEffect: 0.01 } },
      { role: 'operator' },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['key', 'variants', 'baselineRate'] });
  });
});
