import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, sendWebhook, webhookHandled } from '@shopops/testing';

type ShipmentView = { status: string; late: boolean; deliveredAt: string | null; promisedBy: string; events: Array<{ status: string }> };

describe('shipments and delivery promises', () => {
  const gateway = new GatewayClient();
  const shipmentsOf = async (orderId: string) =>
    (
      await gateway.data<{ shipmentsForOrder: ShipmentView[] }>(
        `query($o: String!) { shipmentsForOrder(channel: "taobao", orderId: $o) { status late deliveredAt promisedBy events { status } } }`,
        { o: orderId },
        { role: 'cs_agent' },
      )
    ).shipmentsForOrder;

  async function shipOrder(shippedAt: Date, trackingNo = `SF${randomUUID().slice(0, 10)}`): Promise<{ orderId: string; trackingNo: string }> {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 2);
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    const data = orderData(orderId, {
      lines: [{ skuCode: sku, quantity: 1, unitPriceFen: 100 }],
      totalFen: 100,
      shipment: { carrier: 'SF', trackingNo, locationCode: 'CENTRAL' },
    });
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.shipped', occurredAt: shippedAt.toISOString(), data })).status).toBe(202);
    await eventually(
      () => shipmentsOf(orderId),
      (s) => s.length === 1,
      { what: 'the shipment' },
    );
    return { orderId, trackingNo };
  }

  const track = (trackingNo: string, status: string, at: Date) =>
    sendWebhook(gateway.baseUrl, 'logistics', {
      type: 'logistics.updated',
      data: { trackingNo, carrier: 'SF', status, at: at.toISOString(), detail: `${status} 上海转运中心` },
    });

  it('promises delivery three days after shipping and tracks logistics updates to delivery', async () => {
    const shippedAt = new Date();
    const { orderId, trackingNo } = await shipOrder(shippedAt);
    const [shipment] = await shipmentsOf(orderId);
    expect(new Date(shipment.promisedBy).getTime() - shippedAt.getTime()).toBeGreaterThanOrEqual(3 * 86_400_000 - 1000);
    await track(trackingNo, 'in_transit', new Date(Date.now() + 1000));
    await track(trackingNo, 'delivered', new Date(Date.now() + 2000));
    const [delivered] = await eventually(
      () => shipmentsOf(orderId),
      (s) => s[0]?.status === 'delivered',
    );
    expect(delivered).toMatchObject({ late: false, events: [{ status: 'in_transit' }, { status: 'delivered' }] });
  });

  it('flags a parcel still out past its promise as late, and alerts once', async () => {
    const { orderId } = await shipOrder(new Date(Date.now() - 4 * 86_400_000));
    const [late] = await eventually(
      () => shipmentsOf(orderId),
      (s) => s[0]?.late === true,
      { what: 'the late check to run' },
    );
    expect(late.deliveredAt).toBeNull();
    const alerts = await gateway.data<{ lateShipments: Array<{ orderId: string }> }>(`{ lateShipments { orderId } }`, {}, { role: 'cs_agent' });
    expect(alerts.lateShipments.filter((s) => s.orderId === orderId)).toHaveLength(1);
  });

  it('applies tracking that arrived before order.shipped once the shipment appears: delivered on time, not late', async () => {
    const day = 86_400_000;
    const shippedAt = new Date(Date.now() - 4 * day);
    const deliveredAt = new Date(Date.now() - 2 * day);
    const trackingNo = `SF${randomUUID().slice(0, 10)}`;
    await webhookHandled('inventory', (await track(trackingNo, 'in_transit', new Date(Date.now() - 3 * day))).body.webhookId as string);
    await webhookHandled('inventory', (await track(trackingNo, 'delivered', deliveredAt)).body.webhookId as string);
    const { orderId } = await shipOrder(shippedAt, trackingNo);
    const [shipment] = await shipmentsOf(orderId);
    expect(shipment).toMatchObject({ status: 'delivered', late: false, events: [{ status: 'in_transit' }, { status: 'delivered' }] });
    expect(new Date(shipment.deliveredAt as string).getTime()).toBe(deliveredAt.getTime());
  });
});
