import { randomUUID } from 'node:crypto';
import { createSkus, GatewayClient, receiveStock, stockOf } from '@shopops/testing';

const RESERVE = `mutation($input: ReserveStockInput!) {
  reserveStock(input: $input) {
    __typename
    ... on Reservation { status lines { skuCode locationCode quantity } }
    ... on ErrorResult { errorCode message }
    ... on InsufficientStockError { skuCode quantityRequested quantityAvailable }
  }
}`;

type ReserveAnswer = { reserveStock: { __typename: string; status?: string; errorCode?: string; quantityAvailable?: number } };

describe('own-mall reservations through GraphQL', () => {
  const gateway = new GatewayClient();
  const reserve = (orderId: string, skuCode: string, quantity = 1) =>
    gateway.data<ReserveAnswer>(RESERVE, { input: { orderId, lines: [{ skuCode, quantity }], region: '440300' } }, { role: 'operator' });

  it('reserves all or nothing, idempotent by order id, refusing a reuse with other lines', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'GZ-FRONT', 5);
    const orderId = `MALL-${randomUUID()}`;
    const first = await reserve(orderId, sku, 2);
    expect(first.reserveStock).toMatchObject({ __typename: 'Reservation', status: 'RESERVED' });
    const again = await reserve(orderId, sku, 2);
    expect(again.reserveStock).toMatchObject({ __typename: 'Reservation', status: 'RESERVED' });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    const reused = await reserve(orderId, sku, 3);
    expect(reused.reserveStock).toMatchObject({ __typename: 'DuplicateOrderError', errorCode: 'DUPLICATE_ORDER' });
    const tooMany = await reserve(`MALL-${randomUUID()}`, sku, 4);
    expect(tooMany.reserveStock).toMatchObject({ __typename: 'InsufficientStockError', errorCode: 'INSUFFICIENT_STOCK', quantityAvailable: 3 });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 5, reserved: 2, available: 3 });
  });

  it('answers bad input with BAD_USER_INPUT naming the field, and reserves nothing', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 5);
    const response = await gateway.query(
      RESERVE,
      { input: { orderId: 'MALL-BAD', lines: [{ skuCode: sku, quantity: 0 }], region: 'shanghai' } },
      { role: 'operator' },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['lines.0.quantity', 'region'] });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });

  it('commits and releases through the API, refusing illegal moves with typed errors', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 3);
    const shipped = `MALL-${randomUUID()}`;
    const cancelled = `MALL-${randomUUID()}`;
    await reserve(shipped, sku, 1);
    await reserve(cancelled, sku, 1);
    const change = (mutation: string, orderId: string, role: 'operator' | 'warehouse' = 'operator') =>
      gateway.data<Record<string, { __typename: string; status?: string; errorCode?: string }>>(
        `mutation($k: OrderKeyInput!) { ${mutation}(input: $k) { __typename ... on Reservation { status } ... on ErrorResult { errorCode } } }`,
        { k: { channel: 'mall', orderId } },
        { role },
      );
    expect((await change('commitReservation', shipped, 'warehouse')).commitReservation).toEqual({ __typename: 'Reservation', status: 'COMMITTED' });
    expect((await change('releaseReservation', cancelled)).releaseReservation).toEqual({ __typename: 'Reservation', status: 'RELEASED' });
    expect((await change('releaseReservation', shipped)).releaseReservation).toEqual({ __typename: 'InvalidStateError', errorCode: 'INVALID_STATE' });
    expect((await change('releaseReservation', 'MALL-NEVER')).releaseReservation).toEqual({ __typename: 'NotFoundError', errorCode: 'NOT_FOUND' });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });

  it('sells exactly the stock there is when 500 buyers race for 100 units', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 100);
    const answers = await Promise.all(Array.from({ length: 500 }, () => reserve(`FLASH-${randomUUID()}`, sku, 1)));
    const won = answers.filter((a) => a.reserveStock.__typename === 'Reservation').length;
    const refused = answers.filter((a) => a.reserveStock.__typename === 'InsufficientStockError').length;
    expect({ won, refused }).toEqual({ won: 100, refused: 400 });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 100, reserved: 100, available: 0 });
    const ledger = await gateway.data<{ ledgerDifferences: unknown[] }>(`{ ledgerDifferences { skuCode } }`, {}, { role: 'warehouse' });
    expect(ledger.ledgerDifferences).toEqual([]);
  });
});
