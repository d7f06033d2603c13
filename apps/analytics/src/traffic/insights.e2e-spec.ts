import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, sendWebhook, testPool, tokenFor } from '@shopops/testing';

/** Traffic and spend, anomaly alerts, cohorts, reports — known data, figures worked out by hand. */
describe('analytics insights', () => {
  const gateway = new GatewayClient();
  const analyst = { role: 'analyst' as const };
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());

  const post = async (events: Array<Record<string, unknown>>) => {
    for (let i = 0; i < events.length; i += 1000) {
      const response = await request(gateway.baseUrl)
        .post('/events')
        .set('authorization', `Bearer ${tokenFor('analyst')}`)
        .send({ events: events.slice(i, i + 1000) });
      expect(response.body.accepted).toBe(Math.min(1000, events.length - i));
    }
    const ids = events.map((e) => e.eventId as string);
    await eventually(
      async () => Number((await db.query(`SELECT count(*) FROM analytics.tracked_event WHERE event_id = ANY ($1)`, [ids])).rows[0].count),
      (n) => n === ids.length,
      { what: 'the events to be stored' },
    );
  };
  const event = (type: string, visitor: string, at: string, extra: Record<string, unknown> = {}) => ({
    eventId: `ev-${randomUUID()}`,
    type,
    occurredAt: at,
    anonymousId: visitor,
    channel: 'mall',
    device: 'mobile',
    source: 'organic_search',
    ...extra,
  });

  // A Monday no other suite uses.
  const DAY = '2025-04-07';
  const at = (hh: string) => `${DAY}T${hh}:00:00+08:00`;

  it('mixes traffic by source, turns imported spend into ROAS and ROI, tiers KOLs, and reports the day with charts', async () => {
    const run = randomUUID().slice(0, 6);
    const v = (n: string) => `${run}-${n}`;
    await post([
      ...Array.from({ length: 6 }, (_, i) => event('product_view', v(`organic-${i}`), at('10'))),
      event('product_view', v('kol-1'), at('11'), { source: 'kol', referrer: 'kol-a' }),
      event('payment', v('kol-1'), at('11'), { source: 'kol', referrer: 'kol-a', amountFen: 10000 }),
      event('payment', v('kol-1'), at('12'), { source: 'kol', referrer: 'kol-a', amountFen: 10000 }),
      event('product_view', v('kol-2'), at('11'), { source: 'kol', referrer: 'kol-b' }),
      event('payment', v('kol-2'), at('11'), { source: 'kol', referrer: 'kol-b', amountFen: 5000 }),
      event('product_view', v('ads-1'), at('13'), { source: 'paid_search', campaign: 'brand' }),
      event('payment', v('ads-1'), at('13'), { source: 'paid_search', campaign: 'brand', amountFen: 30000 }),
      event('product_view', v('ads-2'), at('14'), { source: 'paid_search', campaign: 'brand' }),
    ]);

    const mix = await gateway.data<{
      trafficMix: { visitors: number; paidShare: number; overLimit: boolean; sources: Array<{ source: string; visitors: number; share: number }> };
    }>(`{ trafficMix(from: "${DAY}", to: "${DAY}") { visitors paidShare overLimit sources { source visitors share } } }`, {}, analyst);
    // 10 visitors: 6 organic, 2 KOL, 2 paid search → paid share 0.4, above the 30% limit.
    expect(mix.trafficMix).toEqual({
      visitors: 10,
      paidShare: 0.4,
      overLimit: true,
      sources: [
        { source: 'organic_search', visitors: 6, share: 0.6 },
        { source: 'kol', visitors: 2, share: 0.2 },
        { source: 'paid_search', visitors: 2, share: 0.2 },
      ],
    });

    const imported = await gateway.data<{ importAdSpend: number }>(
      `mutation($r: [AdSpendInput!]!) { importAdSpend(rows: $r) }`,
      {
        r: [
          { day: DAY, source: 'paid_search', campaign: 'brand', spendFen: 10000 },
          { day: DAY, source: 'kol', campaign: '', spendFen: 5000 },
        ],
      },
      operator,
    );
    expect(imported.importAdSpend).toBe(2);
    const performance = async () =>
      (
        await gateway.data<{ paidChannelPerformance: Array<{ source: string; spendFen: number; orders: number; gmvFen: number; roas: number; roi: number }> }>(
          `{ paidChannelPerformance(from: "${DAY}", to: "${DAY}") { source spendFen orders gmvFen roas roi } }`,
          {},
          analyst,
        )
      ).paidChannelPerformance;
    // KOL: 25,000 on 5,000 → ROAS 5, ROI (25,000 × 40% − 5,000) / 5,000 = 1. Search: 30,000 on 10,000 → 3 and 0.2.
    expect(await performance()).toEqual([
      { source: 'kol', spendFen: 5000, orders: 3, gmvFen: 25000, roas: 5, roi: 1 },
      { source: 'paid_search', spendFen: 10000, orders: 1, gmvFen: 30000, roas: 3, roi: 0.2 },
    ]);
    // A corrected export replaces the figure.
    await gateway.data(
      `mutation($c: String!) { importAdSpendCsv(csv: $c) }`,
      { c: `day,source,campaign,spendFen\n${DAY},paid_search,brand,12000\n` },
      operator,
    );
    expect((await performance()).find((p) => p.source === 'paid_search')).toMatchObject({ spendFen: 12000, roas: 2.5 });
    const bad = await gateway.query(
      `mutation($c: String!) { importAdSpendCsv(csv: $c) }`,
      { c: `day,source,campaign,spendFen\n${DAY},tv,spring,100\n` },
      operator,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['csv'] });

    const tiers = await gateway.data<{ kolTiers: Array<{ referrer: string; tier: string; gmvFen: number }> }>(
      `{ kolTiers(from: "${DAY}", to: "${DAY}") { referrer tier gmvFen } }`,
      {},
      analyst,
    );
    expect(tiers.kolTiers).toEqual([
      { referrer: 'kol-a', tier: 'HEAD', gmvFen: 20000 },
      { referrer: 'kol-b', tier: 'MID', gmvFen: 5000 },
    ]);

    const report = (
      await gateway.data<{ generateReport: { id: string; json: string; csv: string; html: string } }>(
        `mutation { generateReport(kind: "DAILY", from: "${DAY}", to: "${DAY}") { id json csv html } }`,
        {},
        operator,
      )
    ).generateReport;
    expect(JSON.parse(report.json).totals).toMatchObject({ visitors: 10 });
    expect(report.csv.split('\n')[0]).toBe('day,visitors,orders,gmvFen,refundFen,conversionRate,aovFen');
    const page = await request(gateway.baseUrl)
      .get(`/admin/reports/${report.id}`)
      .set('authorization', `Bearer ${tokenFor('analyst')}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain(`日报 ${DAY}`);
    // Sales trend and traffic mix are drawn; nobody searched, so the default funnel (from search) says so instead.
    expect(page.text.match(/<svg/g)).toHaveLength(2);
    expect(page.text).toMatch(/Funnel<\/figcaption><p class="no-data">no data/);
    const csv = await request(gateway.baseUrl)
      .get(`/admin/reports/${report.id}.csv`)
      .set('authorization', `Bearer ${tokenFor('operator')}`);
    expect(csv.status).toBe(200);
    expect((await request(gateway.baseUrl).get(`/admin/reports/${report.id}`)).status).toBe(401);
    expect(
      (
        await request(gateway.baseUrl)
          .get(`/admin/reports/${report.id}`)
          .set('authorization', `Bearer ${tokenFor('cs_agent')}`)
      ).status,
    ).toBe(403);
  });

  it('flags a traffic surge and a conversion drop against the same hour of earlier weeks, once, and resolves them', async () => {
    const channel = `anom-${randomUUID().slice(0, 6)}`;
    const hour = Date.parse('2025-05-05T12:00:00+08:00');
    const week = 7 * 86_400_000;
    const hourEvents = (start: number, views: number, payments: number) => [
      ...Array.from({ length: views }, (_, i) => event('product_view', `${channel}-v${i}`, new Date(start + i * 1000).toISOString(), { channel })),
      ...Array.from({ length: payments }, (_, i) =>
        event('payment', `${channel}-v${i}`, new Date(start + 600_000 + i * 1000).toISOString(), { channel, amountFen: 1000 }),
      ),
    ];
    // Baseline (1–4 weeks before): 40, 44, 38, 42 views and 4 payments an hour. The hour itself: 120 views, 4 payments.
    await post([
      ...[40, 44, 38, 42].flatMap((views, k) => hourEvents(hour - (k + 1) * week, views, 4)),
      ...hourEvents(hour, 120, 4),
      ...hourEvents(hour + week, 41, 4),
    ]);
    const detect = async (at: number) =>
      (
        await gateway.data<{ detectAnomalies: Array<{ metric: string; dimension: string; observed: number; expected: number; team: string }> }>(
          `mutation($h: String!) { detectAnomalies(hour: $h) { metric dimension observed expected team } }`,
          { h: new Date(at).toISOString() },
          operator,
        )
      ).detectAnomalies.filter((a) => a.dimension === channel);
    const open = await detect(hour);
    expect(open.map((a) => a.metric).sort()).toEqual(['conversion-drop', 'traffic-surge']);
    expect(open.find((a) => a.metric === 'traffic-surge')).toMatchObject({ observed: 120, expected: 41, team: 'marketing' });
    // Conversion 4/120 = 0.0333 against a baseline mean of (0.1 + 0.0909 + 0.1053 + 0.0952) / 4 = 0.0979.
    expect(open.find((a) => a.metric === 'conversion-drop')).toMatchObject({ observed: 0.0333, expected: 0.0979, team: 'ecommerce' });
    await detect(hour);
    const detected = await db.query(
      `SELECT count(*)::int AS n FROM analytics.outbox WHERE type = 'analytics.anomaly.detected.v1' AND payload->>'dimension' = $1`,
      [channel],
    );
    expect(detected.rows[0].n).toBe(2);

    expect(await detect(hour + week)).toEqual([]);
    const resolved = await db.query(
      `SELECT count(*)::int AS n FROM analytics.outbox WHERE type = 'analytics.anomaly.resolved.v1' AND payload->>'dimension' = $1`,
      [channel],
    );
    expect(resolved.rows[0].n).toBe(2);
  });

  it('groups buyers into monthly cohorts with their retention and value', async () => {
    const run = randomUUID().slice(0, 6);
    const order = async (buyer: string, when: string, totalFen: number) => {
      const data = orderData(`DY${run}${buyer}${when.slice(0, 7)}`, {
        buyer: { platformUserId: `${run}-${buyer}` },
        lines: [{ skuCode: 'COHORT-SKU', quantity: 1, unitPriceFen: totalFen }],
        totalFen,
      });
      expect((await sendWebhook(gateway.baseUrl, 'douyin', { type: 'order.paid', occurredAt: when, data })).status).toBe(202);
    };
    // January: X and Y join; X buys again in February; Z joins in March. (No other suite orders in early 2024.)
    await order('x', '2024-01-10T10:00:00+08:00', 10000);
    await order('y', '2024-01-20T10:00:00+08:00', 5000);
    await order('x', '2024-02-15T10:00:00+08:00', 20000);
    await order('z', '2024-03-05T10:00:00+08:00', 8000);
    const cohorts = await eventually(
      async () =>
        (
          await gateway.data<{ cohorts: Array<{ month: string; customers: number; retention: number[]; observedValueFen: number }> }>(
            `{ cohorts(fromMonth: "2024-01", months: 3) { month customers retention observedValueFen } }`,
            {},
            analyst,
          )
        ).cohorts,
      (c) => c.length === 2 && c[1].customers === 1 && c[0].retention.length === 2,
      { what: 'the cohorts' },
    );
    expect(cohorts).toEqual([
      { month: '2024-01', customers: 2, retention: [1, 0.5], observedValueFen: 17500 },
      { month: '2024-03', customers: 1, retention: [1], observedValueFen: 8000 },
    ]);
    const ltv = await gateway.data<{
      customerLifetimeValue: { aovFen: number; ordersPerYear: number; lifespanYears: number; marginPercent: number; projectedFen: number };
    }>(`{ customerLifetimeValue { aovFen ordersPerYear lifespanYears marginPercent projectedFen } }`, {}, analyst);
    const l = ltv.customerLifetimeValue;
    // The projection is AOV × orders per year × lifespan × margin; orders per year is shown rounded to 0.01,
    // so the figures shown agree within what that rounding can move.
    const expected = (l.aovFen * l.ordersPerYear * l.lifespanYears * l.marginPercent) / 100;
    expect(Math.abs(l.projectedFen - expected)).toBeLessThanOrEqual((l.aovFen * 0.005 * l.lifespanYears * l.marginPercent) / 100 + 1);
    expect(l.lifespanYears).toBe(3);
    const bad = await gateway.query(`{ cohorts(fromMonth: "2024-1", months: 0) { month } }`, {}, analyst);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['fromMonth'] });
  });

  it('recommends co-viewed products, updated as views arrive, and counts customer service and stock from those services', async () => {
    const run = randomUUID().slice(0, 6).toUpperCase();
    const [a, b, c] = [`CV-${run}-A`, `CV-${run}-B`, `CV-${run}-C`];
    const view = (session: string, sku: string) => event('product_view', `${run}-${session}`, at('15'), { sessionId: `${run}-${session}`, skuCode: sku });
    await post([view('s1', a)]);
    await post([view('s1', b), view('s2', a), view('s2', b), view('s2', c), view('s2', c)]);
    const similar = await gateway.data<{ similarProducts: Array<{ skuCode: string; coViews: number; coPurchases: number }> }>(
      `query($s: String!) { similarProducts(skuCode: $s) { skuCode coViews coPurchases } }`,
      { s: a },
      analyst,
    );
    // A and B were viewed together in two sessions, A and C in one.
    expect(similar.similarProducts).toEqual([
      { skuCode: b, coViews: 2, coPurchases: 0 },
      { skuCode: c, coViews: 1, coPurchases: 0 },
    ]);

    // The shop's day in Shanghai when the conversation opened, and when it was resolved: across midnight they differ.
    const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
    const firstDay = shanghaiDay(new Date());
    const agentCode = `an-${run.toLowerCase()}`;
    await gateway.data(
      `mutation($i: AgentInput!) { upsertAgent(input: $i) { code } }`,
      { i: { code: agentCode, name: '分析测试客服', skills: ['pre-sales'], capacity: 5 } },
      operator,
    );
    const conversation = (
      await gateway.data<{ openConversation: { id: string } }>(
        `mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }`,
        { i: { channel: 'wecom', contact: `wx-${run}`, text: '企业团购二十件可以开专场吗' } },
        { role: 'cs_agent' },
      )
    ).openConversation;
    await gateway.data(
      `mutation($i: ReplyInput!) { replyToConversation(input: $i) { __typename } }`,
      { i: { conversationId: conversation.id, agentCode, text: '可以的，我帮您对接' } },
      { role: 'cs_agent' },
    );
    await gateway.data(
      `mutation($c: ID!) { setConversationStatus(conversationId: $c, status: RESOLVED) { __typename } }`,
      { c: conversation.id },
      { role: 'cs_agent' },
    );
    const lastDay = shanghaiDay(new Date());
    const service = await eventually(
      async () =>
        (
          await gateway.data<{
            serviceKpis: { conversationsOpened: number; conversationsResolved: number; resolutionRate: number; avgFirstResponseWallMinutes: number | null };
          }>(
            `{ serviceKpis(from: "${firstDay}", to: "${lastDay}", channel: "wecom") { conversationsOpened conversationsResolved resolutionRate avgFirstResponseWallMinutes } }`,
            {},
            analyst,
          )
        ).serviceKpis,
      (k) => k.conversationsResolved >= 1 && k.conversationsOpened >= 1,
      { what: 'customer-service figures' },
    );
    expect(service.resolutionRate).toBe(service.conversationsResolved / service.conversationsOpened);
    expect(service.avgFirstResponseWallMinutes).toBeGreaterThanOrEqual(0);

    const [sku] = await createSkus(gateway, 1, 19900, 'STK');
    await receiveStock(gateway, sku, 'CENTRAL', 30);
    const listings = await eventually(
      async () =>
        (await db.query(`SELECT channel, quantity FROM analytics.sku_stock WHERE sku_code = $1 ORDER BY channel`, [sku])).rows as Array<{
          channel: string;
          quantity: number;
        }>,
      (rows) => rows.length > 0 && rows.every((r) => r.quantity > 0),
      { what: 'channel stock to reach analytics' },
    );
    const health = await gateway.data<{ stockHealth: { listings: number; outOfStock: number; outOfStockRate: number } }>(
      `{ stockHealth { listings outOfStock outOfStockRate } }`,
      {},
      analyst,
    );
    expect(health.stockHealth.listings).toBeGreaterThanOrEqual(listings.length);
    expect(health.stockHealth.outOfStockRate).toBe(Math.round((health.stockHealth.outOfStock / health.stockHealth.listings) * 10_000) / 10_000);
  });

  it('reports sales by SKU, product and category', async () => {
    const [s1, s2] = await createSkus(gateway, 2, 30000, 'SALES');
    const product = s1.replace(/-1$/, '');
    await eventually(
      async () => Number((await db.query(`SELECT count(*) FROM analytics.sku_catalog WHERE sku_code = ANY ($1)`, [[s1, s2]])).rows[0].count),
      (n) => n === 2,
      { what: 'analytics to learn the SKUs' },
    );
    const when = '2025-06-02T10:00:00+08:00';
    const lines = [
      [{ skuCode: s1, quantity: 2, unitPriceFen: 30000 }],
      [
        { skuCode: s2, quantity: 1, unitPriceFen: 30000 },
        { skuCode: s1, quantity: 1, unitPriceFen: 30000 },
      ],
    ];
    for (const [i, orderLines] of lines.entries()) {
      const data = orderData(`DYSALES${product}${i}`, {
        buyer: { platformUserId: `dy_sales_${product}_${i}` },
        lines: orderLines,
        totalFen: orderLines.reduce((n, l) => n + l.quantity * l.unitPriceFen, 0),
      });
      expect((await sendWebhook(gateway.baseUrl, 'douyin', { type: 'order.paid', occurredAt: when, data })).status).toBe(202);
    }
    const sales = async (groupBy: string) =>
      (
        await gateway.data<{ sales: Array<{ key: string; units: number; orders: number; gmvFen: number; gmvShare: number }> }>(
          `{ sales(from: "2025-06-02", to: "2025-06-02", groupBy: ${groupBy}) { key units orders gmvFen gmvShare } }`,
          {},
          analyst,
        )
      ).sales;
    // s1: 3 units in 2 orders (90,000); s2: 1 unit (30,000). One product, in the fixture's DRESS category.
    expect(
      await eventually(
        () => sales('SKU'),
        (r) => r.length === 2 && r[0].units === 3,
        { what: 'the sales' },
      ),
    ).toEqual([
      { key: s1, units: 3, orders: 2, gmvFen: 90000, gmvShare: 0.75 },
      { key: s2, units: 1, orders: 1, gmvFen: 30000, gmvShare: 0.25 },
    ]);
    // Two orders for the product, whichever SKUs they held.
    expect(await sales('PRODUCT')).toEqual([{ key: product, units: 4, orders: 2, gmvFen: 120000, gmvShare: 1 }]);
    expect(await sales('CATEGORY')).toEqual([{ key: 'DRESS', units: 4, orders: 2, gmvFen: 120000, gmvShare: 1 }]);
  });
});
