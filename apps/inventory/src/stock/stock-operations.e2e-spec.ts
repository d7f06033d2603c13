import { createSkus, eventually, GatewayClient, receiveStock, stockOf, testPool } from '@shopops/testing';

const CHANGE = `__typename ... on StockLevel { onHand reserved available } ... on ErrorResult { errorCode message }`;

describe('stock operations and channel stock', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());
  const mutate = async (name: string, type: string, input: Record<string, unknown>, role: 'warehouse' | 'operator' = 'warehouse') =>
    (await gateway.data<Record<string, Record<string, unknown>>>(`mutation($i: ${type}!) { ${name}(input: $i) { ${CHANGE} } }`, { i: input }, { role }))[name];

  it('adjusts and counts stock with reasons in the ledger, never below what is reserved', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 20);
    expect(await mutate('adjustStock', 'AdjustStockInput', { skuCode: sku, locationCode: 'CENTRAL', delta: -2, reason: '破损' })).toMatchObject({ onHand: 18 });
    expect(await mutate('recordStockCount', 'RecordStockCountInput', { skuCode: sku, locationCode: 'CENTRAL', counted: 17, reason: '月度盘点' })).toMatchObject(
      { onHand: 17 },
    );
    await gateway.data(
      `mutation($i: ReserveStockInput!) { reserveStock(input: $i) { __typename } }`,
      { i: { orderId: `ADJ-${sku}`, lines: [{ skuCode: sku, quantity: 15 }] } },
      { role: 'operator' },
    );
    expect(await mutate('adjustStock', 'AdjustStockInput', { skuCode: sku, locationCode: 'CENTRAL', delta: -3, reason: '丢失' })).toMatchObject({
      __typename: 'BelowReservedError',
      errorCode: 'BELOW_RESERVED',
    });
    expect(await mutate('recordStockCount', 'RecordStockCountInput', { skuCode: sku, locationCode: 'CENTRAL', counted: 14 })).toMatchObject({
      __typename: 'BelowReservedError',
    });
    expect(await mutate('adjustStock', 'AdjustStockInput', { skuCode: 'NOPE', locationCode: 'CENTRAL', delta: 1, reason: 'x' })).toMatchObject({
      __typename: 'NotFoundError',
    });
    const zero = await gateway.query(
      `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { __typename } }`,
      { i: { skuCode: sku, locationCode: 'CENTRAL', delta: 0, reason: 'x' } },
      { role: 'warehouse' },
    );
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['delta'] });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 17, reserved: 15, available: 2 });
    const ledger = await gateway.data<{ stockMovements: Array<{ kind: string; onHandDelta: number; reservedDelta: number; reason: string | null }> }>(
      `query($s: String!) { stockMovements(skuCode: $s) { kind onHandDelta reservedDelta reason } }`,
      { s: sku },
      { role: 'warehouse' },
    );
    expect(ledger.stockMovements.map((m) => [m.kind, m.onHandDelta, m.reservedDelta])).toEqual([
      ['RESERVATION', 0, 15],
      ['COUNT', -1, 0],
      ['ADJUSTMENT', -2, 0],
      ['RECEIPT', 20, 0],
    ]);
    expect((await gateway.data<{ ledgerDifferences: unknown[] }>(`{ ledgerDifferences { skuCode } }`, {}, { role: 'warehouse' })).ledgerDifferences).toEqual(
      [],
    );
  });

  it('raises a low-stock event with a replenishment suggestion when available crosses under safety stock', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 12);
    await mutate('setStockPolicy', 'SetStockPolicyInput', { skuCode: sku, locationCode: 'CENTRAL', safetyStock: 10, reorderPoint: 12 }, 'operator');
    await mutate('adjustStock', 'AdjustStockInput', { skuCode: sku, locationCode: 'CENTRAL', delta: -4, reason: '样衣借出' });
    const events = await eventually(
      async () => (await db.query(`SELECT payload FROM inventory.outbox WHERE type = 'inventory.stock.low.v1' AND payload->>'skuCode' = $1`, [sku])).rows,
      (rows) => rows.length === 1,
    );
    expect(events[0].payload).toMatchObject({ skuCode: sku, locationCode: 'CENTRAL', available: 8, safetyStock: 10, suggestedQuantity: expect.any(Number) });
    await mutate('adjustStock', 'AdjustStockInput', { skuCode: sku, locationCode: 'CENTRAL', delta: -1, reason: '样衣借出' });
    const again = await db.query(`SELECT count(*)::int AS n FROM inventory.outbox WHERE type = 'inventory.stock.low.v1' AND payload->>'skuCode' = $1`, [sku]);
    expect(again.rows[0].n).toBe(1);
    const suggestions = await gateway.data<{ replenishmentSuggestions: Array<{ skuCode: string; available: number; suggestedQuantity: number }> }>(
      `{ replenishmentSuggestions { skuCode available suggestedQuantity } }`,
      {},
      { role: 'operator' },
    );
    expect(suggestions.replenishmentSuggestions.find((s) => s.skuCode === sku)).toMatchObject({ available: 7, suggestedQuantity: expect.any(Number) });
  });

  it('flags a sudden drop from an adjustment as an anomaly', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 40);
    await mutate('adjustStock', 'AdjustStockInput', { skuCode: sku, locationCode: 'CENTRAL', delta: -30, reason: '盘亏' });
    const alerts = await gateway.data<{ inventoryAlerts: Array<{ kind: string; skuCode: string }> }>(
      `{ inventoryAlerts { kind skuCode } }`,
      {},
      { role: 'analyst' },
    );
    expect(alerts.inventoryAlerts).toContainEqual({ kind: 'SUDDEN_DROP', skuCode: sku });
  });

  it('publishes per-channel quantities by share, floor and virtual stock, and emits their changes', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 9);
    const policy = (channel: string, sharePercent: number, floor: number, virtualStock: number) =>
      gateway.data(
        `mutation($i: ChannelStockPolicyInput!) { setChannelStockPolicy(input: $i) { channel } }`,
        { i: { channel, sharePercent, floor, virtualStock } },
        { role: 'operator' },
      );
    // The policies are shop-wide: put the defaults back even when an assertion fails.
    try {
      await policy('douyin', 50, 5, 0);
      await policy('mall', 100, 0, 3);
      const shown = async () =>
        Object.fromEntries(
          (
            await gateway.data<{ channelStock: Array<{ channel: string; quantity: number }> }>(
              `query($s: String!) { channelStock(skuCode: $s) { channel quantity } }`,
              { s: sku },
              { role: 'operator' },
            )
          ).channelStock.map((c) => [c.channel, c.quantity]),
        );
      // douyin: 50% of 9 = 4, under its floor of 5 → 0; mall: 9 + 3 virtual; taobao: 9.
      expect(await shown()).toEqual({ douyin: 0, mall: 12, taobao: 9 });
      await receiveStock(gateway, sku, 'CENTRAL', 3);
      expect(await shown()).toEqual({ douyin: 6, mall: 15, taobao: 12 });
      // 9 under the default policy at the first receipt, 0 under the new floor, 6 after more stock came;
      // changes inside one coalescing window (a second) are published once, with the latest quantity.
      const published = await eventually(
        async () =>
          (
            await db.query(
              `SELECT payload FROM inventory.outbox WHERE type = 'inventory.channel-stock.changed.v1' AND payload->>'skuCode' = $1 AND payload->>'channel' = 'douyin' ORDER BY id`,
              [sku],
            )
          ).rows.map((r) => r.payload.quantity as number),
        (quantities) => quantities.at(-1) === 6,
        { what: 'the latest douyin quantity published' },
      );
      expect([
        [9, 0, 6],
        [9, 6],
      ]).toContainEqual(published);
    } finally {
      await policy('douyin', 100, 0, 0);
      await policy('mall', 100, 0, 0);
    }
  });

  it('publishes a burst of changes to a SKU about once a second per channel, ending with the latest quantity', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 10);
    const started = Date.now();
    for (let i = 0; i < 20; i++) await mutate('adjustStock', 'AdjustStockInput', { skuCode: sku, locationCode: 'CENTRAL', delta: 1, reason: '到货补录' });
    const burstMs = Date.now() - started;
    // Settled: no publication pending and every channel last told what it shows.
    await eventually(
      async () =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM inventory.channel_stock_published WHERE sku_code = $1 AND (flush_due_at IS NOT NULL OR emitted_quantity <> quantity)`,
            [sku],
          )
        ).rows[0].n as number,
      (unsettled) => unsettled === 0,
      { what: 'every channel publication of the burst flushed' },
    );
    const { rows } = await db.query(
      `SELECT payload->>'channel' AS channel, array_agg((payload->>'quantity')::int ORDER BY id) AS quantities
         FROM inventory.outbox WHERE type = 'inventory.channel-stock.changed.v1' AND payload->>'skuCode' = $1 GROUP BY 1 ORDER BY 1`,
      [sku],
    );
    expect(rows.map((r) => [r.channel, r.quantities.at(-1)])).toEqual([
      ['douyin', 30],
      ['mall', 30],
      ['taobao', 30],
    ]);
    // 21 changes: the first published at once, then at most one per window that the burst spanned, and the last.
    const allowed = 2 + Math.ceil(burstMs / 1000);
    for (const { channel, quantities } of rows) expect({ channel, published: quantities.length <= allowed }).toEqual({ channel, published: true });
    expect(allowed).toBeLessThan(21);
  });
});
