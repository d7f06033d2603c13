import { randomUUID } from 'node:crypto';
import { eventQueueName, RefundIssued } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { eventHandled, GatewayClient, orderData, sendWebhook, settledMember, testPool, webhookHandled } from '@shopops/testing';

/** A refund paid through an after-sales case and reported again by the marketplace is one refund. */
describe('member refunds reported by a case and by the marketplace', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  const connection = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue(eventQueueName('membership'), { connection, prefix: process.env.SHOPOPS_TEST_QUEUE_PREFIX });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await db.end();
  });

  const paidOrder = async (user: string, totalFen: number) => {
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    const lines = [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 2, unitPriceFen: totalFen / 2 }];
    const data = orderData(orderId, { buyer: { platformUserId: user, nickname: '小雨' }, lines, totalFen });
    const response = await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.paid', occurredAt: new Date().toISOString(), data });
    await webhookHandled('membership', response.body.webhookId as string);
    return { orderId, lines };
  };
  /** customer-service's refund event, as its relay delivers it to membership. */
  const caseRefund = async (orderId: string, amountFen: number) => {
    const occurredAt = new Date().toISOString();
    const envelope = {
      id: randomUUID(),
      type: RefundIssued.type,
      producer: 'customer-service',
      occurredAt,
      payload: { caseId: randomUUID(), channel: 'taobao', orderId, amountFen, reason: 'return received' },
    };
    await queue.add(envelope.type, envelope, { jobId: envelope.id, attempts: 4, backoff: { type: 'exponential', delay: 100 } });
    await eventHandled('membership', envelope.id);
  };
  const marketplaceRefund = async (order: { orderId: string; lines: unknown[] }, amountFen: number, refundId = `R-${randomUUID().slice(0, 8)}`) => {
    const data = { orderId: order.orderId, refundId, lines: order.lines, amountFen, reason: '退货退款' };
    const response = await sendWebhook(gateway.baseUrl, 'taobao', { type: 'refund.completed', occurredAt: new Date().toISOString(), data });
    expect(response.status).toBe(202);
    await webhookHandled('membership', response.body.webhookId as string);
  };
  const refundedFen = async (orderId: string) =>
    (await db.query<{ fen: number }>(`SELECT refunded_fen AS fen FROM membership.member_order WHERE channel = 'taobao' AND order_id = $1`, [orderId])).rows[0]
      .fen;

  it('counts the refund once whichever report comes first, and a different refund on the order still counts', async () => {
    const user = `tb_twice_${randomUUID().slice(0, 8)}`;
    const caseFirst = await paidOrder(user, 100000);
    await caseRefund(caseFirst.orderId, 50000);
    await marketplaceRefund(caseFirst, 50000);
    expect(await refundedFen(caseFirst.orderId)).toBe(50000);

    const marketplaceFirst = await paidOrder(user, 100000);
    await marketplaceRefund(marketplaceFirst, 50000);
    await caseRefund(marketplaceFirst.orderId, 50000);
    expect(await refundedFen(marketplaceFirst.orderId)).toBe(50000);

    // Half of each order's 1,000 pending points taken back — once.
    const member = await settledMember(gateway, 'taobao', user);
    expect(member.points).toEqual({ balance: 0, pending: 1000, debt: 0 });

    // Another amount is another refund: the rest of the first order goes back too.
    await marketplaceRefund(caseFirst, 30000);
    expect(await refundedFen(caseFirst.orderId)).toBe(80000);
    expect((await settledMember(gateway, 'taobao', user)).points.pending).toBe(700);
  });
});
