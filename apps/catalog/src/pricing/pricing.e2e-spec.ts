import { createProduct, eventually, GatewayClient, orderData, sendWebhook, testPool, uniqueCode } from '@shopops/testing';

/** Tier prices, promotions with their combination and honesty rules, quotes — through the gateway. */
describe('pricing', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());
  const hour = 3_600_000;
  const window = (fromHours: number, toHours: number) => ({
    startsAt: new Date(Date.now() + fromHours * hour).toISOString(),
    endsAt: new Date(Date.now() + toHours * hour).toISOString(),
  });
  const newSkus = async (prices: number[]) => {
    const code = uniqueCode('PRICE');
    await createProduct(gateway, { code, title: '真丝连衣裙', skus: prices.map((p, i) => ({ code: `${code}-${i + 1}`, listPriceFen: p })) });
    return prices.map((_, i) => `${code}-${i + 1}`);
  };
  const promote = (input: Record<string, unknown>) =>
    gateway.data<{ createPromotion: { __typename: string; status?: string; conflictingCodes?: string[]; lowestPriceFen?: number; skuCode?: string } }>(
      `mutation($i: PromotionInput!) { createPromotion(input: $i) { __typename ... on Promotion { status } ... on PromotionConflictError { conflictingCodes }
         ... on PriceHonestyError { skuCode lowestPriceFen } } }`,
      { i: input },
      operator,
    );
  const quote = (lines: Array<{ skuCode: string; quantity: number }>, extra: Record<string, unknown> = {}) =>
    gateway.data<{
      priceQuote: {
        totalFen: number;
        discountFen: number;
        memberDiscountFen: number;
        lines: Array<{ unitPriceFen: number; lineTotalFen: number; explanations: string[] }>;
        applied: Array<{ code: string; discountFen: number }>;
      };
    }>(
      `query($i: PriceQuoteInput!) { priceQuote(input: $i) { ... on PriceQuote { totalFen discountFen memberDiscountFen lines { unitPriceFen lineTotalFen explanations } applied { code discountFen } } } }`,
      { i: { lines, ...extra } },
      operator,
    );

  it('quotes a basket with a flash sale, a multi-buy and spend-and-save, explaining each; tier prices for members', async () => {
    const [a, b, c] = await newSkus([10000, 20000, 30000]);
    const flash = uniqueCode('FS');
    const multi = uniqueCode('M3');
    const spend = uniqueCode('MJ');
    expect(
      (await promote({ code: flash, name: '秒杀', kind: 'FLASH_SALE', ...window(-1, 2), skuCodes: [a], percentOff: 50, perBuyerLimit: 1, quantityCap: 100 }))
        .createPromotion,
    ).toEqual({ __typename: 'Promotion', status: 'ACTIVE' });
    expect(
      (await promote({ code: multi, name: '3件5折', kind: 'MULTI_BUY', ...window(-1, 2), skuCodes: [b, c], percentOff: 50, minQuantity: 3 })).createPromotion
        .__typename,
    ).toBe('Promotion');
    expect(
      (
        await promote({
          code: spend,
          name: '每满300减30',
          kind: 'SPEND_AND_SAVE',
          ...window(-1, 2),
          skuCodes: [b, c],
          thresholdFen: 30000,
          offFen: 3000,
          repeatable: true,
        })
      ).createPromotion.__typename,
    ).toBe('Promotion');

    const q = (
      await quote([
        { skuCode: a, quantity: 2 },
        { skuCode: b, quantity: 2 },
        { skuCode: c, quantity: 1 },
      ])
    ).priceQuote;
    // a: 1 × 5,000 + 1 × 10,000; b, c: 3 items → 50% off 70,000 = 35,000; 满减 every 30,000 → −3,000.
    expect(q.totalFen).toBe(15000 + 35000 - 3000);
    expect(q.applied).toEqual([
      { code: flash, discountFen: 5000 },
      { code: multi, discountFen: 35000 },
      { code: spend, discountFen: 3000 },
    ]);
    expect(q.lines[0]).toMatchObject({ lineTotalFen: 15000, unitPriceFen: 7500 });
    expect(q.lines[0].explanations[0]).toContain('over the per-buyer limit');

    await gateway.data(`mutation($s: String!) { setTierPrice(skuCode: $s, tierCode: "gold", priceFen: 17000) { __typename } }`, { s: b }, operator);
    const gold = (await quote([{ skuCode: b, quantity: 1 }], { memberTier: 'gold' })).priceQuote;
    expect(gold).toMatchObject({ totalFen: 17000, memberDiscountFen: 3000 });
    expect((await quote([{ skuCode: b, quantity: 1 }], { memberTier: 'gold', at: new Date(Date.now() + 5 * hour).toISOString() })).priceQuote.totalFen).toBe(
      17000,
    );
    expect((await quote([{ skuCode: a, quantity: 1 }], { at: new Date(Date.now() + 5 * hour).toISOString() })).priceQuote.totalFen).toBe(10000);

    const started = await eventually(
      async () => (await db.query(`SELECT payload FROM catalog.outbox WHERE type = 'catalog.promotion.started.v1' AND payload->>'code' = $1`, [flash])).rows,
      (rows) => rows.length === 1,
      { what: 'PromotionStarted' },
    );
    expect(started[0].payload).toMatchObject({ kind: 'FLASH_SALE', skuCodes: [a], quantityCap: 100, perBuyerLimit: 1 });
  });

  it('refuses overlapping promotions of one kind, and anything overlapping a flash sale, creating nothing', async () => {
    const [a, b] = await newSkus([10000, 10000]);
    const first = uniqueCode('MB');
    await promote({ code: first, name: '2件9折', kind: 'MULTI_BUY', ...window(1, 5), skuCodes: [a, b], percentOff: 10, minQuantity: 2 });
    const overlapping = uniqueCode('MB');
    expect(
      (await promote({ code: overlapping, name: '3件8折', kind: 'MULTI_BUY', ...window(4, 8), skuCodes: [b], percentOff: 20, minQuantity: 3 })).createPromotion,
    ).toEqual({ __typename: 'PromotionConflictError', conflictingCodes: [first] });
    expect(
      (await promote({ code: uniqueCode('MB'), name: '之后', kind: 'MULTI_BUY', ...window(5, 8), skuCodes: [b], percentOff: 20, minQuantity: 3 }))
        .createPromotion.__typename,
    ).toBe('Promotion');
    expect(
      (await promote({ code: uniqueCode('FS'), name: '秒杀', kind: 'FLASH_SALE', ...window(2, 3), skuCodes: [a], percentOff: 30 })).createPromotion,
    ).toEqual({ __typename: 'PromotionConflictError', conflictingCodes: [first] });
    expect(
      (await promote({ code: uniqueCode('MJ'), name: '满减', kind: 'SPEND_AND_SAVE', ...window(2, 3), skuCodes: [a], thresholdFen: 20000, offFen: 2000 }))
        .createPromotion.__typename,
    ).toBe('Promotion');
    const count = await db.query(`SELECT count(*)::int AS n FROM catalog.promotion WHERE code = $1`, [overlapping]);
    expect(count.rows[0].n).toBe(0);

    const invalid = await gateway.query(
      `mutation($i: PromotionInput!) { createPromotion(input: $i) { __typename } }`,
      { i: { code: uniqueCode('BAD'), name: 'x', kind: 'SPEND_AND_SAVE', ...window(1, 2), skuCodes: [a], thresholdFen: 1000, offFen: 1000 } },
      operator,
    );
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['offFen'] });
    const backwards = await gateway.query(
      `mutation($i: PromotionInput!) { createPromotion(input: $i) { __typename } }`,
      { i: { code: uniqueCode('BAD'), name: 'x', kind: 'FLASH_SALE', ...window(3, 2), skuCodes: [a], percentOff: 10 } },
      operator,
    );
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['endsAt'] });
  });

  it('refuses a "was" price above the lowest price charged or listed in the last 7 days (划线价)', async () => {
    const [sold, raised] = await newSkus([99900, 50000]);
    const orderId = `TB${uniqueCode('O')}`;
    const data = orderData(orderId, { lines: [{ skuCode: sold, quantity: 1, unitPriceFen: 69900 }], totalFen: 69900 });
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.paid', occurredAt: new Date().toISOString(), data })).status).toBe(202);
    await eventually(
      async () => (await db.query(`SELECT lowest_unit_price_fen FROM catalog.sku_sale WHERE sku_code = $1`, [sold])).rows,
      (rows) => rows.length === 1,
      { what: 'the sale to reach the catalog' },
    );

    expect(
      (await promote({ code: uniqueCode('FS'), name: '秒杀', kind: 'FLASH_SALE', ...window(1, 2), skuCodes: [sold], percentOff: 40 })).createPromotion,
    ).toEqual({ __typename: 'PriceHonestyError', skuCode: sold, lowestPriceFen: 69900 });
    expect(
      (await promote({ code: uniqueCode('FS'), name: '秒杀', kind: 'FLASH_SALE', ...window(1, 2), skuCodes: [sold], percentOff: 40, wasPriceFen: 69900 }))
        .createPromotion.__typename,
    ).toBe('Promotion');

    // 先涨后降: raising the list price does not make the raised price an honest "was" price.
    await gateway.data(`mutation($s: String!) { setListPrice(skuCode: $s, listPriceFen: 80000) { __typename } }`, { s: raised }, operator);
    expect(
      (await promote({ code: uniqueCode('FS'), name: '秒杀', kind: 'FLASH_SALE', ...window(1, 2), skuCodes: [raised], percentOff: 50 })).createPromotion,
    ).toEqual({ __typename: 'PriceHonestyError', skuCode: raised, lowestPriceFen: 50000 });
  });

  const promotionOf = async (skuCode: string, code: string) =>
    (
      await gateway.data<{ promotions: Array<{ code: string; status: string; suspendedReason: string | null }> }>(
        `query($s: String!) { promotions(skuCode: $s) { code status suspendedReason } }`,
        { s: skuCode },
        operator,
      )
    ).promotions.find((p) => p.code === code);
  const setListPrice = (skuCode: string, listPriceFen: number) =>
    gateway.data(`mutation($s: String!, $p: Int!) { setListPrice(skuCode: $s, listPriceFen: $p) { __typename } }`, { s: skuCode, p: listPriceFen }, operator);
  const paidAt = async (skuCode: string, unitPriceFen: number, occurredAt: string) => {
    const data = orderData(`TB${uniqueCode('O')}`, { lines: [{ skuCode, quantity: 1, unitPriceFen }], totalFen: unitPriceFen });
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.paid', occurredAt, data })).status).toBe(202);
  };
  const saleDays = (skuCode: string, rows: number) =>
    eventually(
      async () =>
        (await db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, lowest_unit_price_fen FROM catalog.sku_sale WHERE sku_code = $1 ORDER BY day`, [skuCode]))
          .rows,
      (r) => r.length === rows,
      { what: 'the sales to reach the catalog' },
    );
  /** The Asia/Shanghai calendar day of a moment, shifted by whole days, at a Shanghai wall-clock time, as an instant. */
  const shanghai = (at: Date, dayShift: number, hhmm: string) => {
    const day = new Date(at.getTime() + 8 * hour + dayShift * 24 * hour).toISOString().slice(0, 10);
    return new Date(`${day}T${hhmm}:00+08:00`).toISOString();
  };

  it('counts the honesty days back from the promotion’s start, in Asia/Shanghai days', async () => {
    // A price raised now, long before a promotion three weeks out, is that promotion’s honest "was" price.
    const [planned, sold] = await newSkus([50000, 99900]);
    await setListPrice(planned, 80000);
    await db.query(
      `UPDATE catalog.price_history SET at = now() - interval '10 days' WHERE list_price_fen = 50000 AND sku_id = (SELECT id FROM catalog.sku WHERE code = $1)`,
      [planned],
    );
    expect(
      (await promote({ code: uniqueCode('FS'), name: '秒杀', kind: 'FLASH_SALE', ...window(21 * 24, 21 * 24 + 2), skuCodes: [planned], percentOff: 50 }))
        .createPromotion,
    ).toEqual({
      __typename: 'Promotion',
      status: 'SCHEDULED',
    });
    // Starting within the hour, the 50,000 listed until three days ago is inside the window.
    await db.query(
      `UPDATE catalog.price_history SET at = now() - interval '3 days' WHERE list_price_fen = 50000 AND sku_id = (SELECT id FROM catalog.sku WHERE code = $1)`,
      [planned],
    );
    expect(
      (
        await promote({
          code: uniqueCode('FS'),
          name: '秒杀',
          kind: 'MULTI_BUY',
          ...window(1, 2),
          skuCodes: [planned],
          percentOff: 10,
          minQuantity: 2,
          wasPriceFen: 80000,
        })
      ).createPromotion,
    ).toEqual({
      __typename: 'PriceHonestyError',
      skuCode: planned,
      lowestPriceFen: 50000,
    });

    // Sales are dated by the Shanghai day: 00:30 on the window's first day (16:30 UTC the day before) counts;
    // 23:30 the evening before does not.
    const start = new Date(Date.now() + hour);
    await paidAt(sold, 69900, shanghai(start, -7, '00:30'));
    await paidAt(sold, 59900, shanghai(start, -8, '23:30'));
    expect((await saleDays(sold, 2)).map((r) => r.day)).toEqual([shanghai(start, -8, '12:00').slice(0, 10), shanghai(start, -7, '12:00').slice(0, 10)]);
    expect(
      (await promote({ code: uniqueCode('FS'), name: '秒杀', kind: 'FLASH_SALE', ...window(1, 2), skuCodes: [sold], percentOff: 40 })).createPromotion,
    ).toEqual({
      __typename: 'PriceHonestyError',
      skuCode: sold,
      lowestPriceFen: 69900,
    });
  });

  it('suspends a scheduled promotion whose "was" price a later price change makes dishonest', async () => {
    const [cut, raised, untouched] = await newSkus([80000, 50000, 30000]);
    const withWas = uniqueCode('MB');
    await promote({ code: withWas, name: '2件9折', kind: 'MULTI_BUY', ...window(3, 5), skuCodes: [cut], percentOff: 10, minQuantity: 2, wasPriceFen: 80000 });
    const flash = uniqueCode('FS');
    await promote({ code: flash, name: '秒杀', kind: 'FLASH_SALE', ...window(3, 5), skuCodes: [raised], percentOff: 50 });
    const calm = uniqueCode('FS');
    await promote({ code: calm, name: '秒杀', kind: 'FLASH_SALE', ...window(3, 5), skuCodes: [untouched], percentOff: 50 });

    await setListPrice(cut, 60000); // a cut after creation: 80,000 is no longer the lowest price
    await setListPrice(raised, 80000); // 先涨后降 after creation: the flash sale’s "was" (list) price rose
    await setListPrice(untouched, 25000); // a cut under a flash sale without its own "was" price stays honest
    expect(await promotionOf(cut, withWas)).toMatchObject({ status: 'SUSPENDED', suspendedReason: expect.stringContaining('60000') });
    expect(await promotionOf(raised, flash)).toMatchObject({ status: 'SUSPENDED', suspendedReason: expect.stringContaining('50000') });
    expect(await promotionOf(untouched, calm)).toMatchObject({ status: 'SCHEDULED', suspendedReason: null });
  });

  it('checks the "was" price again when a scheduled promotion starts: a lower price charged since creation stops it', async () => {
    const [sku, other] = await newSkus([99900, 10000]);
    const code = uniqueCode('FS');
    const created = await promote({ code, name: '秒杀', kind: 'FLASH_SALE', ...window(1, 2), skuCodes: [sku], percentOff: 40 });
    expect(created.createPromotion).toEqual({ __typename: 'Promotion', status: 'SCHEDULED' });
    await paidAt(sku, 69900, new Date().toISOString());
    await saleDays(sku, 1);
    // Its start comes (brought forward rather than waited for).
    await db.query(`UPDATE catalog.promotion SET starts_at = now() - interval '1 second' WHERE code = $1`, [code]);
    // Any promotion written moves the windows, as the minutely job does.
    await promote({ code: uniqueCode('MJ'), name: '满减', kind: 'SPEND_AND_SAVE', ...window(1, 2), skuCodes: [other], thresholdFen: 20000, offFen: 2000 });
    expect(await promotionOf(sku, code)).toMatchObject({ status: 'SUSPENDED', suspendedReason: expect.stringContaining('69900') });
    const started = await db.query(`SELECT 1 FROM catalog.outbox WHERE type = 'catalog.promotion.started.v1' AND payload->>'code' = $1`, [code]);
    expect(started.rows).toEqual([]);
  });
});
