import { randomUUID } from 'node:crypto';
import {
  createSkus,
  eventually,
  GatewayClient,
  orderData,
  receiveStock,
  reservationOf,
  sendWebhook,
  stockOf,
  webhookHandled,
  type ReservationView,
} from '@shopops/testing';

/** Channel orders from signed webhooks reserving from one stock pool. */
describe('reservations from channel orders', () => {
  const gateway = new GatewayClient();
  const order = (skuCode: string, quantity = 1, extra: Record<string, unknown> = {}) => {
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    return { orderId, data: orderData(orderId, { lines: [{ skuCode, quantity, unitPriceFen: 99900 }], totalFen: 99900 * quantity, ...extra }) };
  };
  /** Sends an order event and answers its webhook id, to wait for inventory to handle it. */
  const send = async (type: string, data: Record<string, unknown>, source = 'taobao'): Promise<string> => {
    const response = await sendWebhook(gateway.baseUrl, source, { type, data });
    expect(response.status).toBe(202);
    return response.body.webhookId as string;
  };
  const settled = async (channel: string, orderId: string, status: string): Promise<ReservationView> =>
    (await eventually(
      () => reservationOf(gateway, channel, orderId),
      (r) => r?.status === status,
      { what: `${orderId} to be ${status}` },
    )) as ReservationView;

  it('reserves on order.created from the front warehouse serving the buyer, and shows it on the Sku', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 10);
    await receiveStock(gateway, sku, 'SH-FRONT', 2);
    const { orderId, data } = order(sku, 2, { region: '310000' });
    await send('order.created', data);
    const reservation = await settled('taobao', orderId, 'RESERVED');
    expect(reservation.lines).toEqual([{ skuCode: sku, locationCode: 'SH-FRONT', quantity: 2 }]);
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 12, reserved: 2, available: 10 });
  });

  it('keeps stock on payment, commits it on shipping, and ignores a late cancellation', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 5);
    const { orderId, data } = order(sku, 2);
    await send('order.created', data);
    await send('order.paid', data);
    const paid = await eventually(
      () => reservationOf(gateway, 'taobao', orderId),
      (r) => r?.paid === true,
    );
    expect(paid?.status).toBe('RESERVED');
    await send('order.shipped', { ...data, shipment: { carrier: 'SF', trackingNo: `SF${orderId}`, locationCode: 'CENTRAL' } });
    await settled('taobao', orderId, 'COMMITTED');
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    await webhookHandled('inventory', await send('order.cancelled', data));
    expect((await reservationOf(gateway, 'taobao', orderId))?.status).toBe('COMMITTED');
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 3, reserved: 0, available: 3 });
  });

  it('releases on cancellation, and on a refund completed before shipping', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 4);
    const cancelled = order(sku, 1);
    const refunded = order(sku, 2);
    await send('order.created', cancelled.data);
    await send('order.created', refunded.data, 'douyin');
    await settled('douyin', refunded.orderId, 'RESERVED');
    await send('order.cancelled', cancelled.data);
    await send(
      'refund.completed',
      { orderId: refunded.orderId, refundId: `R${refunded.orderId}`, lines: refunded.data.lines, amountFen: 199800, reason: '不想要了' },
      'douyin',
    );
    expect((await settled('taobao', cancelled.orderId, 'RELEASED')).reason).toBe('order cancelled');
    expect((await settled('douyin', refunded.orderId, 'RELEASED')).reason).toBe('refunded before shipping');
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 4, reserved: 0, available: 4 });
  });

  it('frees only the refunded lines and quantities on a partial refund before shipping, once per refund id, and ships the rest', async () => {
    const [shirt, scarf] = await createSkus(gateway, 2);
    await receiveStock(gateway, shirt, 'CENTRAL', 10);
    await receiveStock(gateway, scarf, 'CENTRAL', 10);
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    const data = orderData(orderId, {
      lines: [
        { skuCode: shirt, quantity: 3, unitPriceFen: 100 },
        { skuCode: scarf, quantity: 2, unitPriceFen: 100 },
      ],
      totalFen: 500,
    });
    const refund = (refundId: string, lines: Array<{ skuCode: string; quantity: number }>) =>
      send('refund.completed', { orderId, refundId, lines: lines.map((l) => ({ ...l, unitPriceFen: 100 })), amountFen: 100, reason: '少买一件' });
    await send('order.created', data);
    await send('order.paid', data);
    await settled('taobao', orderId, 'RESERVED');
    const firstRefund = `R1-${orderId}`;
    await webhookHandled('inventory', await refund(firstRefund, [{ skuCode: shirt, quantity: 1 }]));
    // The same refund delivered again (a new delivery of the same refund id) frees nothing more.
    await webhookHandled('inventory', await refund(firstRefund, [{ skuCode: shirt, quantity: 1 }]));
    const partly = (await reservationOf(gateway, 'taobao', orderId)) as ReservationView;
    expect(partly.status).toBe('RESERVED');
    expect(partly.lines).toEqual(
      [
        { skuCode: shirt, locationCode: 'CENTRAL', quantity: 2 },
        { skuCode: scarf, locationCode: 'CENTRAL', quantity: 2 },
      ].sort((a, b) => (a.skuCode < b.skuCode ? -1 : 1)),
    );
    expect(await stockOf(gateway, shirt)).toEqual({ onHand: 10, reserved: 2, available: 8 });
    await webhookHandled('inventory', await refund(`R2-${orderId}`, [{ skuCode: scarf, quantity: 2 }]));
    expect(await stockOf(gateway, scarf)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    await send('order.shipped', { ...data, shipment: { carrier: 'SF', trackingNo: `SF${orderId}`, locationCode: 'CENTRAL' } });
    const shipped = await settled('taobao', orderId, 'COMMITTED');
    expect(shipped.lines).toEqual([{ skuCode: shirt, locationCode: 'CENTRAL', quantity: 2 }]);
    expect(await stockOf(gateway, shirt)).toEqual({ onHand: 8, reserved: 0, available: 8 });
    expect(await stockOf(gateway, scarf)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });

  it('reserves only what is left when a partial refund arrives before the order, and releases all once refunds cover every line', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 10);
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    const data = orderData(orderId, { lines: [{ skuCode: sku, quantity: 3, unitPriceFen: 100 }], totalFen: 300 });
    const refund = (refundId: string, quantity: number) =>
      send('refund.completed', { orderId, refundId, lines: [{ skuCode: sku, quantity, unitPriceFen: 100 }], amountFen: 100 * quantity, reason: '拍多了' });
    await webhookHandled('inventory', await refund(`R1-${orderId}`, 1));
    await send('order.created', data);
    expect((await settled('taobao', orderId, 'RESERVED')).lines).toEqual([{ skuCode: sku, locationCode: 'CENTRAL', quantity: 2 }]);
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 10, reserved: 2, available: 8 });
    await refund(`R2-${orderId}`, 2);
    expect((await settled('taobao', orderId, 'RELEASED')).reason).toBe('refunded before shipping');
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });

  it('rejects an order that cannot be filled, all lines or none, and records why', async () => {
    const [plenty, scarce] = await createSkus(gateway, 2);
    await receiveStock(gateway, plenty, 'CENTRAL', 10);
    await receiveStock(gateway, scarce, 'CENTRAL', 1);
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    await send(
      'order.created',
      orderData(orderId, {
        lines: [
          { skuCode: plenty, quantity: 3, unitPriceFen: 100 },
          { skuCode: scarce, quantity: 2, unitPriceFen: 100 },
        ],
        totalFen: 500,
      }),
    );
    const rejected = await settled('taobao', orderId, 'REJECTED');
    expect(rejected.reason).toBe(`insufficient stock for ${scarce}: 2 wanted, 1 available`);
    expect(await stockOf(gateway, plenty)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const unknown = order('NO-SUCH-SKU');
    await send('order.created', unknown.data);
    expect((await settled('taobao', unknown.orderId, 'REJECTED')).reason).toBe('unknown SKU NO-SUCH-SKU');
  });

  it('ends a shuffled, duplicated stream of order events exactly where the clean stream ends', async () => {
    const [clean, messy] = await createSkus(gateway, 2);
    for (const sku of [clean, messy]) await receiveStock(gateway, sku, 'CENTRAL', 100);
    const fates = ['created', 'paid', 'shipped', 'completed', 'cancelled-unpaid', 'cancelled-paid', 'refunded', 'paid-only'] as const;
    const streams = (sku: string, tag: string) =>
      Array.from({ length: 24 }, (_, i) => {
        const orderId = `${tag}${i}-${randomUUID().slice(0, 6)}`;
        const data = orderData(orderId, { lines: [{ skuCode: sku, quantity: 1 + (i % 3), unitPriceFen: 100 }], totalFen: 100 });
        const fate = fates[i % fates.length];
        const shipped = { ...data, shipment: { carrier: 'SF', trackingNo: `SF${orderId}` } };
        const refund = { orderId, refundId: `R${orderId}`, lines: data.lines, amountFen: 100, reason: '七天无理由' };
        const events: Array<[string, Record<string, unknown>]> = [['order.created', data]];
        if (fate !== 'created' && fate !== 'cancelled-unpaid') events.push(['order.paid', data]);
        if (fate === 'shipped' || fate === 'completed') events.push(['order.shipped', shipped]);
        if (fate === 'completed') events.push(['order.completed', data]);
        if (fate.startsWith('cancelled')) events.push(['order.cancelled', data]);
        if (fate === 'refunded') events.push(['refund.completed', refund]);
        return { orderId, index: i, events };
      });
    const cleanOrders = streams(clean, 'C');
    const messyOrders = streams(messy, 'M');
    for (const o of cleanOrders) for (const [type, data] of o.events) await send(type, data);
    const messyEvents = messyOrders.flatMap((o) => [...o.events, ...o.events]);
    for (let i = messyEvents.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [messyEvents[i], messyEvents[j]] = [messyEvents[j], messyEvents[i]];
    }
    await Promise.all(messyEvents.map(([type, data]) => send(type, data)));
    const finalStatuses = async (orders: typeof cleanOrders) =>
      Promise.all(orders.map(async (o) => (await reservationOf(gateway, 'taobao', o.orderId))?.status));
    const expected = await eventually(
      () => finalStatuses(cleanOrders),
      (s) => s.every(Boolean),
      { what: 'the clean stream to settle' },
    );
    await eventually(
      () => finalStatuses(messyOrders),
      (s) => JSON.stringify(s) === JSON.stringify(expected),
      { timeoutMs: 30_000, what: 'the shuffled stream to converge' },
    );
    expect(await stockOf(gateway, messy)).toEqual(await stockOf(gateway, clean));
  });
});
