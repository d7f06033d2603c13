import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, reservationOf, sendWebhook, stockOf, testPool } from '@shopops/testing';
import { graphql } from '@shopops/client';
import { typedGateway } from './typed-gateway';

const ReserveStock = graphql(`
  mutation LimitedRunReserveStock($input: ReserveStockInput!) {
    reserveStock(input: $input) {
      __typename
      ... on ErrorResult {
        errorCode
        message
      }
      ... on InsufficientStockError {
        skuCode
        quantityRequested
        quantityAvailable
      }
    }
  }
`);
const UpsertCollection = graphql(`
  mutation LimitedRunUpsertCollection($i: CollectionInput!) {
    upsertCollection(input: $i) {
      code
    }
  }
`);
const AddProducts = graphql(`
  mutation LimitedRunAddProducts($c: String!, $p: [String!]!) {
    addProductsToCollection(collectionCode: $c, productCodes: $p) {
      __typename
    }
  }
`);
const ReleaseReservation = graphql(`
  mutation LimitedRunReleaseReservation($k: OrderKeyInput!) {
    releaseReservation(input: $k) {
      __typename
    }
  }
`);

/**
 * A collection's limited run (限量) across services: the catalog sends the run over its products'
 * SKUs, and inventory refuses any sale past it, like a flash-sale cap — with stock to spare, on
 * every channel, however many buyers race for the last pieces.
 */
describe('limited runs of collections', () => {
  const gateway = new GatewayClient();
  const operator = typedGateway(gateway, 'operator');
  const db = testPool();
  afterAll(() => db.end());

  const reserve = (orderId: string, skuCode: string, quantity = 1) =>
    operator.request(ReserveStock, { input: { orderId, lines: [{ skuCode, quantity }], region: '310000' } });
  const run = async (code: string) =>
    (await db.query(`SELECT run, sold, sku_codes FROM inventory.limited_run WHERE code = $1`, [code])).rows[0] as
      { run: number | null; sold: number; sku_codes: string[] } | undefined;

  it('refuses sales past the run at reservation, never oversells it under concurrent orders, and gives released units back', async () => {
    const [red, blue] = await createSkus(gateway, 2, 199900, 'LR');
    const productCode = red.replace(/-1$/, '');
    await receiveStock(gateway, red, 'CENTRAL', 100);
    await receiveStock(gateway, blue, 'CENTRAL', 100);
    const code = `LR-${randomUUID().slice(0, 8).toUpperCase()}`;
    await operator.request(UpsertCollection, { i: { code, name: '故宫文创联名', kind: 'CO_BRAND', partner: '故宫博物院', limitedRun: 20 } });
    await operator.request(AddProducts, { c: code, p: [productCode] });
    await eventually(
      () => run(code),
      (r) => r?.run === 20 && r.sku_codes.length === 2,
      { what: 'inventory to learn the run' },
    );

    // 60 buyers at once, on both colours, for the 20 pieces of the run (200 in stock).
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => reserve(`MALL-LR-${randomUUID()}`, i % 2 ? red : blue)));
    const won = answers.filter((a) => a.reserveStock.__typename === 'Reservation');
    const refused = answers.filter((a) => a.reserveStock.__typename === 'InsufficientStockError');
    expect({ won: won.length, refused: refused.length }).toEqual({ won: 20, refused: 40 });
    expect(refused[0].reserveStock).toMatchObject({
      errorCode: 'INSUFFICIENT_STOCK',
      quantityAvailable: 0,
      message: expect.stringContaining(`limited run ${code}`),
    });
    const [r, b] = [await stockOf(gateway, red), await stockOf(gateway, blue)];
    expect(r.reserved + b.reserved).toBe(20);
    expect((await run(code))?.sold).toBe(20);

    // A marketplace order past the run is REJECTED with the reason, and says so in its event.
    const orderId = `TBLR${randomUUID().slice(0, 10)}`;
    const data = orderData(orderId, { lines: [{ skuCode: red, quantity: 1, unitPriceFen: 199900 }], totalFen: 199900 });
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.created', data })).status).toBe(202);
    const rejected = await eventually(
      () => reservationOf(gateway, 'taobao', orderId),
      (res) => Boolean(res?.status),
      { what: 'the marketplace order' },
    );
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: expect.stringContaining('limited run') });
    const events = await db.query(
      `SELECT payload->>'status' AS status FROM inventory.outbox WHERE type = 'inventory.reservation.changed.v1' AND payload->>'orderId' = $1`,
      [orderId],
    );
    expect(events.rows).toEqual([{ status: 'REJECTED' }]);

    // One buyer cancels: the piece goes back to the run and the next buyer gets it, and only that one.
    const winners = await db.query(
      `SELECT order_id FROM inventory.limited_run_order o JOIN inventory.limited_run r USING (collection_id) WHERE r.code = $1 ORDER BY order_id`,
      [code],
    );
    const released = await operator.request(ReleaseReservation, { k: { channel: 'mall', orderId: winners.rows[0].order_id } });
    expect(released.releaseReservation.__typename).toBe('Reservation');
    expect((await run(code))?.sold).toBe(19);
    const late = await Promise.all([reserve(`MALL-LR-${randomUUID()}`, blue), reserve(`MALL-LR-${randomUUID()}`, red)]);
    expect(late.map((a) => a.reserveStock.__typename).sort()).toEqual(['InsufficientStockError', 'Reservation']);
    expect((await run(code))?.sold).toBe(20);

    // The operator raises the run: the catalog's newer version reaches inventory, and more sells.
    await operator.request(UpsertCollection, { i: { code, name: '故宫文创联名', kind: 'CO_BRAND', partner: '故宫博物院', limitedRun: 21 } });
    await eventually(
      () => run(code),
      (res) => res?.run === 21,
      { what: 'the raised run' },
    );
    expect((await reserve(`MALL-LR-${randomUUID()}`, red, 1)).reserveStock.__typename).toBe('Reservation');
  }, 120_000);
});
