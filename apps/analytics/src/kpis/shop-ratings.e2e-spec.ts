import { randomUUID } from 'node:crypto';
import { GatewayClient, orderData, sendWebhook, uniqueCode, webhookHandled } from '@shopops/testing';

/** DSR and the repurchase rate among the KPIs, on days no other suite uses, figures worked out by hand. */
describe('shop ratings and repurchase', () => {
  const gateway = new GatewayClient();
  const analyst = { role: 'analyst' as const };
  const send = async (type: string, data: Record<string, unknown>, occurredAt: string) => {
    const response = await sendWebhook(gateway.baseUrl, 'taobao', { type, occurredAt, data });
    expect(response.status).toBe(202);
    await webhookHandled('analytics', response.body.webhookId as string);
  };

  it('averages each DSR from the reviews that rated it, a review’s own rating standing for "as described" when no DSR came', async () => {
    const DAY = '2024-07-07';
    const review = (rating: number, dsr?: Record<string, number>) => ({
      reviewId: `RV-${randomUUID()}`,
      orderId: `TB${uniqueCode('DSR')}`,
      skuCode: 'LX-DRESS-001-BLK-M',
      buyer: { platformUserId: `tb_dsr_${randomUUID().slice(0, 8)}` },
      rating,
      text: '面料不错',
      images: [],
      createdAt: `${DAY}T12:00:00+08:00`,
      ...(dsr ? { dsr } : {}),
    });
    const rated = review(5, { description: 4, service: 5, logistics: 3 });
    for (const data of [rated, review(3), review(1, { service: 1 }), rated]) await send('review.created', data, `${DAY}T12:00:00+08:00`);

    const kpis = await gateway.data<{ shopKpis: Array<Record<string, unknown>> }>(
      `{ shopKpis(from: "${DAY}", to: "${DAY}", channel: "taobao") { period dsrDescription dsrService dsrLogistics negativeReviewRate } }`,
      {},
      analyst,
    );
    // As described: (4 + 3 + 1) / 3; service: (5 + 1) / 2; logistics: 3 / 1. The re-sent review counts once.
    expect(kpis.shopKpis).toEqual([{ period: DAY, dsrDescription: 2.67, dsrService: 3, dsrLogistics: 3, negativeReviewRate: 0.3333 }]);

    const bad = await sendWebhook(gateway.baseUrl, 'taobao', { type: 'review.created', data: review(4, { logistics: 6 }) });
    expect(bad.status).toBe(400);
  });

  it('counts buyers with two or more paid orders in the range among all buyers in it, each order once', async () => {
    const [first, last] = ['2024-07-14', '2024-07-20'];
    const paid = async (user: string, day: string) => {
      const orderId = `TB${uniqueCode('RP')}`;
      const data = orderData(orderId, {
        buyer: { platformUserId: user },
        lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: 10000 }],
        totalFen: 10000,
      });
      await send('order.paid', data, `${day}T10:00:00+08:00`);
      return data;
    };
    const [loyal, once, resent, outside] = ['loyal', 'once', 'resent', 'outside'].map((n) => `tb_rp_${n}_${randomUUID().slice(0, 6)}`);
    await paid(loyal, first);
    await paid(loyal, last);
    await paid(once, '2024-07-16');
    // The same order delivered twice is one order: not a repurchase.
    const again = await paid(resent, '2024-07-17');
    await send('order.paid', again, '2024-07-17T10:00:00+08:00');
    // A second order after the range does not make a repeat buyer inside it.
    await paid(outside, '2024-07-18');
    await paid(outside, '2024-07-21');

    const rate = async (from: string, to: string) =>
      (await gateway.data<{ repurchaseRate: number | null }>(`{ repurchaseRate(from: "${from}", to: "${to}") }`, {}, analyst)).repurchaseRate;
    expect(await rate(first, last)).toBe(0.25);
    expect(await rate(first, '2024-07-21')).toBe(0.5);
    expect(await rate('2024-07-01', '2024-07-02')).toBeNull();
  });
});
