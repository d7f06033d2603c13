import { createSkus, GatewayClient, receiveStock, stockOf } from '@shopops/testing';

const TRANSFER_FIELDS = `__typename ... on StockTransfer { id status quantity } ... on ErrorResult { errorCode message } ... on TransferExceedsAvailableError { quantityAvailable }`;

describe('transfers between locations', () => {
  const gateway = new GatewayClient();
  const levels = async (sku: string) =>
    (
      await gateway.data<{ sku: { stockLevels: Array<{ locationCode: string; onHand: number; reserved: number }> } }>(
        `query($c: String!) { sku(code: $c) { stockLevels { locationCode onHand reserved } } }`,
        { c: sku },
        { role: 'warehouse' },
      )
    ).sku.stockLevels;
  const call = async (mutation: string, args: string, variables: Record<string, unknown>) =>
    Object.values(
      await gateway.data<Record<string, Record<string, unknown>>>(`mutation(${args}) { ${mutation} { ${TRANSFER_FIELDS} } }`, variables, { role: 'warehouse' }),
    )[0];

  it('holds units at the source when requested, moves them out on dispatch and in on receipt', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 10);
    const requested = await call('requestTransfer(input: $i)', '$i: RequestTransferInput!', {
      i: { skuCode: sku, fromLocation: 'CENTRAL', toLocation: 'SH-FRONT', quantity: 4, reason: '华东备货' },
    });
    expect(requested).toMatchObject({ __typename: 'StockTransfer', status: 'REQUESTED', quantity: 4 });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 10, reserved: 4, available: 6 });
    expect(await call('dispatchTransfer(id: $id)', '$id: ID!', { id: requested.id })).toMatchObject({ status: 'IN_TRANSIT' });
    expect(await levels(sku)).toEqual([{ locationCode: 'CENTRAL', onHand: 6, reserved: 0 }]);
    expect(await call('receiveTransfer(id: $id)', '$id: ID!', { id: requested.id })).toMatchObject({ status: 'RECEIVED' });
    expect(await levels(sku)).toEqual([
      { locationCode: 'CENTRAL', onHand: 6, reserved: 0 },
      { locationCode: 'SH-FRONT', onHand: 4, reserved: 0 },
    ]);
    expect(await call('cancelTransfer(id: $id)', '$id: ID!', { id: requested.id })).toMatchObject({
      __typename: 'InvalidStateError',
      errorCode: 'INVALID_STATE',
    });
  });

  it('refuses transfers beyond available, to unknown places or to the same place, changing nothing', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 3);
    const request = (i: Record<string, unknown>) => call('requestTransfer(input: $i)', '$i: RequestTransferInput!', { i: { skuCode: sku, quantity: 1, ...i } });
    expect(await request({ fromLocation: 'CENTRAL', toLocation: 'GZ-FRONT', quantity: 4 })).toMatchObject({
      __typename: 'TransferExceedsAvailableError',
      quantityAvailable: 3,
    });
    expect(await request({ fromLocation: 'CENTRAL', toLocation: 'MARS' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await request({ fromLocation: 'CENTRAL', toLocation: 'CENTRAL' })).toMatchObject({ __typename: 'InvalidStateError' });
    const zero = await gateway.query(
      `mutation($i: RequestTransferInput!) { requestTransfer(input: $i) { __typename } }`,
      { i: { skuCode: sku, fromLocation: 'CENTRAL', toLocation: 'GZ-FRONT', quantity: 0 } },
      { role: 'warehouse' },
    );
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['quantity'] });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 3, reserved: 0, available: 3 });
  });

  it('frees held units when a transfer is cancelled before it leaves', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 5);
    const requested = await call('requestTransfer(input: $i)', '$i: RequestTransferInput!', {
      i: { skuCode: sku, fromLocation: 'CENTRAL', toLocation: 'GZ-FRONT', quantity: 5 },
    });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 5, reserved: 5, available: 0 });
    expect(await call('cancelTransfer(id: $id)', '$id: ID!', { id: requested.id })).toMatchObject({ status: 'CANCELLED' });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });
});
