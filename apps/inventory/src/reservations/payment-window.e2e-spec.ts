import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, reservationOf, sendWebhook, stockOf, SuiteStack } from '@shopops/testing';

/** Runs its own suite with a 3-second payment window instead of 30 minutes. */
describe('unpaid orders give their stock back when the payment window closes', () => {
  let stack: SuiteStack;
  let gateway: GatewayClient;
  beforeAll(async () => {
    stack = await SuiteStack.start({ name: 'payment-window', services: ['catalog', 'inventory', 'gateway'], env: { INVENTORY_PAYMENT_WINDOW_SECONDS: '3' } });
    gateway = new GatewayClient(stack.gatewayUrl);
  });
  afterAll(() => stack.stop());

  it('releases an unpaid order after the window and keeps a paid one', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 5);
    const unpaid = `TB${randomUUID().slice(0, 10)}`;
    const paid = `TB${randomUUID().slice(0, 10)}`;
    for (const orderId of [unpaid, paid]) {
      const data = orderData(orderId, { lines: [{ skuCode: sku, quantity: 2, unitPriceFen: 100 }], totalFen: 200 });
      await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.created', data });
      if (orderId === paid) await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.paid', data });
    }
    await eventually(
      () => reservationOf(gateway, 'taobao', paid),
      (r) => r?.paid === true,
    );
    const released = await eventually(
      () => reservationOf(gateway, 'taobao', unpaid),
      (r) => r?.status === 'RELEASED',
      { timeoutMs: 20_000 },
    );
    expect(released?.reason).toBe('unpaid when the payment window closed');
    expect((await reservationOf(gateway, 'taobao', paid))?.status).toBe('RESERVED');
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 5, reserved: 2, available: 3 });
  });
});
