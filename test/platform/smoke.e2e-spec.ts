import { eventually, GatewayClient, orderData, sendWebhook } from '@shopops/testing';

describe('suite smoke', () => {
  const gateway = new GatewayClient();

  it('creates a product and reads it back through the gateway', async () => {
    const code = `SMOKE-${Date.now()}`;
    const created = await gateway.data<{ createProduct: { code?: string; errorCode?: string } }>(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { ... on Product { code } ... on ErrorResult { errorCode } } }`,
      { input: { code, title: '真丝连衣裙', skus: [{ code: `${code}-M`, listPriceFen: 99900 }] } },
      { role: 'operator' },
    );
    expect(created.createProduct.code).toBe(code);
    const read = await eventually(
      () =>
        gateway.data<{ sku: { code: string; product: { title: string }; stock: { onHand: number } } | null }>(
          `query($code: String!) { sku(code: $code) { code product { title } stock { onHand } } }`,
          { code: `${code}-M` },
          { role: 'operator' },
        ),
      (d) => d.sku !== null,
    );
    expect(read.sku).toEqual({ code: `${code}-M`, product: { title: '真丝连衣裙' }, stock: { onHand: 0 } });
  });

  it('accepts a signed order webhook and delivers it to analytics', async () => {
    const orderId = `TB${Date.now()}`;
    const response = await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.created', data: orderData(orderId) });
    expect(response.status).toBe(202);
    const counts = await eventually(
      () =>
        gateway.data<{ channelEventCounts: Array<{ type: string; count: number }> }>(
          `query($s: String) { channelEventCounts(subject: $s) { type count } }`,
          { s: orderId },
          { role: 'analyst' },
        ),
      (d) => d.channelEventCounts.length > 0,
    );
    expect(counts.channelEventCounts).toEqual([{ type: 'channel.order.created.v1', count: 1 }]);
  });
});
