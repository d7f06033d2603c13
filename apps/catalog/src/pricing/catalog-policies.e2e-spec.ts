import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createSkus, eventually, GatewayClient, orderData, sendWebhook, SuiteStack } from '@shopops/testing';

/**
 * The catalog's pricing and portfolio policies are a shop's own: this suite runs with other
 * values than DOMAIN.md's defaults (honesty window 2 days, target 50/25/15/10 over 10 days of
 * resources, anchors ¥599/¥1,299, 15% markdowns, suggestions scanned every second) and on a
 * database of its own, so the mix can be checked to the slot-day.
 */
describe('catalog policies a shop sets', () => {
  let stack: SuiteStack;
  let gateway: GatewayClient;
  let db: Pool;
  const operator = { role: 'operator' as const };
  const hour = 3_600_000;
  const day = 24 * hour;
  beforeAll(async () => {
    stack = await SuiteStack.start({
      name: 'catalog-policies',
      services: ['catalog', 'gateway'],
      env: {
        CATALOG_PRICE_HONESTY_DAYS: '2',
        CATALOG_PORTFOLIO_TARGET: '50/25/15/10',
        CATALOG_PORTFOLIO_RESOURCE_DAYS: '10',
        CATALOG_ANCHOR_PRICE_POINTS_FEN: '59900,129900',
        CATALOG_PRICING_MARKDOWN_PERCENT: '15',
        SCHEDULE_CATALOG_PRICE_SUGGESTIONS: '* * * * * *',
      },
    });
    gateway = new GatewayClient(stack.gatewayUrl);
    db = stack.db();
  }, 300_000);
  afterAll(() => stack.stop());

  const promote = async (input: Record<string, unknown>, code = `P-${randomUUID().slice(0, 8).toUpperCase()}`) =>
    (
      await gateway.data<{ createPromotion: { __typename: string } }>(
        `mutation($i: PromotionInput!) { createPromotion(input: $i) { __typename } }`,
        { i: { code, name: '促销', ...input } },
        operator,
      )
    ).createPromotion.__typename;
  const from = (startMs: number, lengthMs: number) => {
    const now = Date.now();
    return { startsAt: new Date(now + startMs).toISOString(), endsAt: new Date(now + startMs + lengthMs).toISOString() };
  };
  const setListPrice = (skuCode: string, listPriceFen: number) =>
    gateway.data(`mutation($s: String!, $p: Int!) { setListPrice(skuCode: $s, listPriceFen: $p) { __typename } }`, { s: skuCode, p: listPriceFen }, operator);

  it('looks back CATALOG_PRICE_HONESTY_DAYS days from the start: a raise three days ago is an honest "was" price with 2', async () => {
    const [sku] = await createSkus(gateway, 1, 50000, 'HON');
    await setListPrice(sku, 80000);
    await db.query(
      `UPDATE catalog.price_history SET at = now() - CASE WHEN list_price_fen = 50000 THEN interval '10 days' ELSE interval '3 days' END
        WHERE sku_id = (SELECT id FROM catalog.sku WHERE code = $1)`,
      [sku],
    );
    // With DOMAIN's 7 days the 50,000 listed until three days ago would make 80,000 dishonest.
    const code = `HON-${randomUUID().slice(0, 8).toUpperCase()}`;
    expect(await promote({ kind: 'FLASH_SALE', ...from(hour, hour), skuCodes: [sku], percentOff: 30 }, code)).toBe('Promotion');
    // Cancelled, it takes no resources from the mix the next case counts.
    await gateway.data(`mutation($c: String!) { cancelPromotion(code: $c) { __typename } }`, { c: code }, operator);
  });

  it('reports the four target roles’ share of promotion slot-days against the shop’s target, the others apart', async () => {
    const roles = ['CORE', 'POTENTIAL', 'TEST', 'CLEARANCE', 'TRAFFIC_DRIVER', 'LONG_TAIL'] as const;
    const skus: Record<string, string> = {};
    for (const role of roles) {
      const [sku] = await createSkus(gateway, 1, 10000, 'MIX');
      await gateway.data(
        `mutation($c: String!, $r: PortfolioRole!) { setPortfolioRole(code: $c, role: $r) { __typename } }`,
        { c: sku.replace(/-1$/, ''), r: role },
        operator,
      );
      skus[role] = sku;
    }
    const multiBuy = (role: string, startMs: number, lengthMs: number) =>
      promote({ kind: 'MULTI_BUY', ...from(startMs, lengthMs), skuCodes: [skus[role]], percentOff: 10, minQuantity: 2 });
    expect(await multiBuy('CORE', hour, 5 * day)).toBe('Promotion');
    expect(await multiBuy('POTENTIAL', hour, 3 * day)).toBe('Promotion');
    expect(await multiBuy('TEST', hour, 2 * day)).toBe('Promotion');
    // Nine days ahead for four days: only one of them falls within the 10 days counted.
    expect(await multiBuy('CLEARANCE', 9 * day, 4 * day)).toBe('Promotion');
    expect(await multiBuy('TRAFFIC_DRIVER', hour, 9 * day)).toBe('Promotion');

    const mix = (
      await gateway.data<{
        portfolioMix: {
          targetRoleResourceDays: number;
          otherResourceDays: number;
          roles: Array<{
            role: string;
            products: number;
            resourceDays: number;
            resourceSharePercent: number;
            targetPercent: number | null;
            gapPoints: number | null;
          }>;
        };
      }>(
        `{ portfolioMix { targetRoleResourceDays otherResourceDays roles { role products resourceDays resourceSharePercent targetPercent gapPoints } } }`,
        {},
        { role: 'analyst' },
      )
    ).portfolioMix;
    expect(mix.targetRoleResourceDays).toBeCloseTo(11, 1);
    expect(mix.otherResourceDays).toBeCloseTo(9, 1);
    const byRole = Object.fromEntries(mix.roles.map((r) => [r.role, [r.resourceDays, r.resourceSharePercent, r.targetPercent, r.gapPoints]]));
    // Of 11 target-role slot-days: 5 / 3 / 2 / 1 against 50 / 25 / 15 / 10; traffic drivers took 9 of all 20.
    expect(byRole).toEqual({
      CORE: [5, 45.5, 50, -4.5],
      POTENTIAL: [3, 27.3, 25, 2.3],
      TEST: [2, 18.2, 15, 3.2],
      CLEARANCE: [1, 9.1, 10, -0.9],
      TRAFFIC_DRIVER: [9, 45, null, null],
      LONG_TAIL: [0, 0, null, null],
    });
  });

  it('suggests prices from stock pressure, season and sell-through on the shop’s anchors; an operator accepts or dismisses', async () => {
    const [pressed, dismissed, seasonal, healthy] = await createSkus(gateway, 4, 155000, 'DYN');
    const productCode = pressed.replace(/-1$/, '');
    const paid = async (skuCode: string, quantity: number) => {
      const data = orderData(`TB${randomUUID().slice(0, 10)}`, { lines: [{ skuCode, quantity, unitPriceFen: 155000 }], totalFen: 155000 * quantity });
      expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.paid', data })).status).toBe(202);
    };
    await paid(seasonal, 70);
    await paid(healthy, 10);
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM catalog.sku_sale WHERE sku_code = ANY($1)`, [[seasonal, healthy]])).rows[0].n,
      (n) => n === 2,
      { what: 'the sales to reach the catalog' },
    );
    const season = `AW-${randomUUID().slice(0, 6).toUpperCase()}`;
    await gateway.data(
      `mutation($i: CollectionInput!) { upsertCollection(input: $i) { code } }`,
      { i: { code: season, name: '秋冬', kind: 'SEASONAL', theme: '秋冬', endsAt: new Date(Date.now() + 10 * day).toISOString() } },
      operator,
    );
    await gateway.data(
      `mutation($c: String!, $p: [String!]!) { addProductsToCollection(collectionCode: $c, productCodes: $p) { __typename } }`,
      { c: season, p: [productCode] },
      operator,
    );
    // Sellable stock as channels publish it (inventory's stock sync; inventory does not run in this suite),
    // known last: a SKU without stock figures gets no suggestion, so the scan sees every signal at once.
    await db.query(
      `INSERT INTO catalog.sku_channel_stock (sku_code, channel, quantity, changed_at) SELECT unnest($1::text[]), 'taobao', unnest($2::int[]), now()`,
      [
        [pressed, dismissed, seasonal, healthy],
        [100, 100, 30, 10],
      ],
    );
    // The collection holds the product, so all four SKUs are in the ending season.
    type Suggestion = {
      skuCode: string;
      direction: string;
      currentPriceFen: number;
      suggestedPriceFen: number;
      sellThroughPercent: number;
      coverDays: number | null;
      reasons: string[];
    };
    const suggestions = async (status = 'OPEN') =>
      (
        await gateway.data<{ priceSuggestions: Suggestion[] }>(
          `query($s: String!) { priceSuggestions(status: $s) { skuCode direction currentPriceFen suggestedPriceFen sellThroughPercent coverDays reasons } }`,
          { s: status },
          operator,
        )
      ).priceSuggestions.filter((s) => s.skuCode.startsWith(productCode));
    const open = await eventually(suggestions, (s) => s.length === 4, { what: 'the scan to suggest', timeoutMs: 20_000 });
    const of = (sku: string) => open.find((s) => s.skuCode === sku)!;
    // The season ends in 10 days: 20% off 155,000 = 124,000 (¥1,299 is above it).
    expect(of(seasonal)).toMatchObject({ direction: 'MARKDOWN', suggestedPriceFen: 124000, sellThroughPercent: 70 });
    // Pressed (no sale, 100 in stock) and in the ending season: 20% off as well.
    expect(of(pressed)).toMatchObject({ direction: 'MARKDOWN', suggestedPriceFen: 124000, coverDays: null });
    expect(of(pressed).reasons).toEqual(['stock pressure: 100 units, no sale, sell-through 0% in 30 days', 'season ends in 10 days']);
    expect((await gateway.data<{ anchorPricePoints: number[] }>(`{ anchorPricePoints }`, {}, operator)).anchorPricePoints).toEqual([59900, 129900]);

    const decide = (mutation: string, skuCode: string) =>
      gateway.data<Record<string, { __typename: string; listPriceFen?: number; errorCode?: string }>>(
        `mutation($s: String!) { ${mutation}(skuCode: $s) { __typename ... on Sku { listPriceFen } ... on ErrorResult { errorCode } } }`,
        { s: skuCode },
        operator,
      );
    expect((await decide('acceptPriceSuggestion', pressed)).acceptPriceSuggestion).toEqual({ __typename: 'Sku', listPriceFen: 124000 });
    expect((await decide('dismissPriceSuggestion', dismissed)).dismissPriceSuggestion).toEqual({ __typename: 'Sku', listPriceFen: 155000 });
    expect((await decide('dismissPriceSuggestion', dismissed)).dismissPriceSuggestion).toEqual({ __typename: 'NotFoundError', errorCode: 'NOT_FOUND' });
    const changed = await db.query(`SELECT payload FROM catalog.outbox WHERE type = 'catalog.price.changed.v1' AND payload->>'skuCode' = $1`, [pressed]);
    expect(changed.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ kind: 'LIST', previousPriceFen: 155000, priceFen: 124000 })]);
    expect((await suggestions('ACCEPTED')).map((s) => s.skuCode)).toEqual([pressed]);

    // Out of the season, with the pressure alone: 15% off 155,000 = 131,750, and ¥1,299 lies within 5% below it.
    const [late] = await createSkus(gateway, 1, 155000, 'DYN');
    await db.query(`INSERT INTO catalog.sku_channel_stock (sku_code, channel, quantity, changed_at) VALUES ($1, 'taobao', 80, now())`, [late]);
    const lateSuggestion = await eventually(
      async () =>
        (
          await gateway.data<{ priceSuggestions: Suggestion[] }>(`{ priceSuggestions { skuCode suggestedPriceFen reasons } }`, {}, operator)
        ).priceSuggestions.find((s) => s.skuCode === late),
      Boolean,
      { what: 'the next scan', timeoutMs: 20_000 },
    );
    expect(lateSuggestion).toMatchObject({ suggestedPriceFen: 129900, reasons: expect.arrayContaining(['on the anchor price point ¥1299.00']) });
    // That scan passed the decided SKUs by: they are in their cool-down.
    expect((await suggestions()).map((s) => s.skuCode).sort()).toEqual([healthy, seasonal].sort());
  }, 120_000);
});
