import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, reservationOf, sendWebhook, stockOf, SuiteStack } from '@shopops/testing';

const WINDOW_SECONDS = 600;

/**
 * Runs its own suite with a 10-minute payment window, swept every second: orders placed almost
 * ten minutes ago close within seconds, because the window runs from when the buyer placed the
 * order, not from when inventory heard of it.
 */
describe('unpaid orders give their stock back when the payment window closes', () => {
  let stack: SuiteStack;
  let gateway: GatewayClient;
  beforeAll(async () => {
    stack = await SuiteStack.start({
      name: 'payment-window',
      services: ['catalog', 'inventory', 'gateway'],
      env: { INVENTORY_PAYMENT_WINDOW_SECONDS: String(WINDOW_SECONDS), SCHEDULE_INVENTORY_PAYMENT_WINDOWS: '* * * * * *' },
    });
    gateway = new GatewayClient(stack.gatewayUrl);
  });
  afterAll(() => stack.stop());

  it('releases an unpaid order when its window from placedAt closes, and keeps a paid one and one placed now', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 6);
    const almostClosed = new Date(Date.now() - (WINDOW_SECONDS - 2) * 1000).toISOString();
    const unpaid = `TB${randomUUID().slice(0, 10)}`;
    const paid = `TB${randomUUID().slice(0, 10)}`;
    const fresh = `TB${randomUUID().slice(0, 10)}`;
    for (const [orderId, placedAt] of [
      [unpaid, almostClosed],
      [paid, almostClosed],
      [fresh, new Date().toISOString()],
    ]) {
      const data = orderData(orderId, { lines: [{ skuCode: sku, quantity: 2, unitPriceFen: 100 }], totalFen: 200, placedAt });
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
    // The sweep that released it passed over the other two.
    expect((await reservationOf(gateway, 'taobao', paid))?.status).toBe('RESERVED');
    expect((await reservationOf(gateway, 'taobao', fresh))?.status).toBe('RESERVED');
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 6, reserved: 4, available: 2 });
  });
});
