import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, reservationOf, sendWebhook, testPool } from '@shopops/testing';
import { graphql } from '@shopops/client';
import { typedGateway } from './typed-gateway';

const CreatePromotion = graphql(`
  mutation FlashSaleCreatePromotion($i: PromotionInput!) {
    createPromotion(input: $i) {
      __typename
    }
  }
`);
const FlashSaleCodes = graphql(`
  query FlashSaleCodes {
    flashSales {
      code
    }
  }
`);
const FlashSaleCounts = graphql(`
  query FlashSaleCounts {
    flashSales {
      code
      sold
      quantityCap
    }
  }
`);
const FlashSaleSales = graphql(`
  query FlashSaleSales($c: String!) {
    flashSaleSales(code: $c) {
      unitsSold
      orders
      quantityCap
    }
  }
`);

/**
 * A flash sale across services: the catalog's promotion (cap 5, one per buyer at the flash price)
 * reaches inventory, which enforces both across channels — one member on Taobao and Douyin is one
 * buyer, whose units past the limit are sold at the normal price — and
 * analytics counts what sold, live.
 */
describe('flash sale across services', () => {
  const gateway = new GatewayClient();
  const operator = typedGateway(gateway, 'operator');
  const db = testPool();
  afterAll(() => db.end());

  it('never sells past the cap, gives each buyer the flash price up to the limit across channels, and gives released units back', async () => {
    const [sku, other] = await createSkus(gateway, 2, 99900, 'FS');
    await receiveStock(gateway, sku, 'CENTRAL', 100);
    await receiveStock(gateway, other, 'CENTRAL', 100);
    const run = randomUUID().slice(0, 6);
    const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const order = async (
      channel: 'taobao' | 'douyin',
      user: string,
      skuCode: string,
      type = 'order.created',
      orderId = `${channel === 'taobao' ? 'TB' : 'DY'}FS${run}${user}${skuCode === sku ? '' : 'x'}`,
    ) => {
      const data = orderData(orderId, {
        buyer: { platformUserId: `${channel}_${run}_${user}`, ...(user === 'a' ? { phone } : {}) },
        lines: [{ skuCode, quantity: 1, unitPriceFen: 49950 }],
        totalFen: 49950,
      });
      expect((await sendWebhook(gateway.baseUrl, channel, { type, data })).status).toBe(202);
      return orderId;
    };
    const statusOf = async (channel: string, orderId: string) =>
      (await eventually(
        () => reservationOf(gateway, channel, orderId),
        (r) => r !== null && Boolean(r.status),
        { what: `reservation ${orderId}` },
      ))!;

    // Buyer A is one member on both platforms (same phone), known before the sale.
    await order('taobao', 'a', other);
    await order('douyin', 'a', other);
    await eventually(
      async () =>
        (
          await db.query(
            `SELECT count(DISTINCT member_id)::int AS members, count(*)::int AS accounts FROM inventory.buyer_member WHERE platform_user_id IN ($1, $2)`,
            [`taobao_${run}_a`, `douyin_${run}_a`],
          )
        ).rows[0],
      (r) => r.accounts === 2 && r.members === 1,
      { what: 'inventory to learn buyer A’s accounts' },
    );

    const code = `FS-${run.toUpperCase()}`;
    const promotion = await operator.request(CreatePromotion, {
      i: {
        code,
        name: '秒杀',
        kind: 'FLASH_SALE',
        skuCodes: [sku],
        percentOff: 50,
        perBuyerLimit: 1,
        quantityCap: 5,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(promotion.createPromotion.__typename).toBe('Promotion');
    await eventually(async () => (await operator.request(FlashSaleCodes)).flashSales.some((f) => f.code === code), Boolean, {
      what: 'inventory to know the sale',
    });

    const aTaobao = await order('taobao', 'a', sku);
    expect((await statusOf('taobao', aTaobao)).status).toBe('RESERVED');
    // A's second unit is past the limit: sold at the normal price, not refused, and not taken from the cap.
    const aDouyin = await order('douyin', 'a', sku);
    expect((await statusOf('douyin', aDouyin)).status).toBe('RESERVED');
    const held = await db.query(`SELECT units FROM inventory.flash_sale_order WHERE channel = 'douyin' AND order_id = $1`, [aDouyin]);
    expect(held.rows).toEqual([]);

    // Five more buyers at once for the four units left.
    const others = await Promise.all(['b', 'c', 'd', 'e', 'f'].map((u) => order('taobao', u, sku)));
    const outcomes = await Promise.all(others.map((id) => statusOf('taobao', id)));
    expect(outcomes.filter((r) => r.status === 'RESERVED')).toHaveLength(4);
    expect(outcomes.filter((r) => r.status === 'REJECTED')).toEqual([expect.objectContaining({ reason: expect.stringContaining('sold out') })]);
    const sale = async () => (await operator.request(FlashSaleCounts)).flashSales.find((f) => f.code === code)!;
    expect(await sale()).toMatchObject({ sold: 5, quantityCap: 5 });

    // A cancels: the unit goes back and the next buyer gets it.
    await order('taobao', 'a', sku, 'order.cancelled', aTaobao);
    await eventually(sale, (s) => s.sold === 4, { what: 'the unit to come back' });
    const late = await order('taobao', 'g', sku);
    expect((await statusOf('taobao', late)).status).toBe('RESERVED');
    expect((await sale()).sold).toBe(5);

    // Analytics counts what is paid, live.
    const reserved = [...others.filter((_, i) => outcomes[i].status === 'RESERVED'), late];
    for (const id of reserved) await order('taobao', id.replace(`TBFS${run}`, ''), sku, 'order.paid', id);
    const sold = await eventually(
      async () => (await typedGateway(gateway, 'analyst').request(FlashSaleSales, { c: code })).flashSaleSales,
      (s) => s?.unitsSold === 5,
      { what: 'analytics to count the sale' },
    );
    expect(sold).toEqual({ unitsSold: 5, orders: 5, quantityCap: 5 });
  }, 120_000);
});
