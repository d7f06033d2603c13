import { randomUUID } from 'node:crypto';
import { ChannelOrderCreated, ChannelOrderPaid, deadLetterQueueName, eventQueueName } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { eventHandled, eventually, GatewayClient, orderData, settledMember } from '@shopops/testing';

/** One event the database cannot store, among valid events of the same buyer handled in one batch. */
describe('member orders with a poison event among them', () => {
  const gateway = new GatewayClient();
  const connection = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue(eventQueueName('membership'), { connection, prefix: process.env.SHOPOPS_TEST_QUEUE_PREFIX });
  const deadQueue = new Queue(deadLetterQueueName(eventQueueName('membership')), { connection, prefix: process.env.SHOPOPS_TEST_QUEUE_PREFIX });
  afterAll(async () => {
    await Promise.all([queue.close(), deadQueue.close()]);
    connection.disconnect();
  });

  it('dead-letters only the poison event; the same buyer’s valid order still earns its points', async () => {
    const user = `tb_poison_${randomUUID().slice(0, 8)}`;
    const order = (orderId: string, totalFen: number) => ({
      ...orderData(orderId, {
        buyer: { platformUserId: user, nickname: '小雨' },
        lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: totalFen }],
        totalFen,
      }),
      channel: 'taobao',
      occurredAt: new Date().toISOString(),
      deliveryId: `msg_${randomUUID()}`,
    });
    const valid = order(`TB${randomUUID().slice(0, 12)}`, 99900);
    // 2^31 fen: more than the order's integer column holds.
    const poison = order(`TB${randomUUID().slice(0, 12)}`, 2 ** 31);
    const jobs = [
      { type: ChannelOrderCreated.type, payload: valid },
      { type: ChannelOrderPaid.type, payload: poison },
      { type: ChannelOrderPaid.type, payload: valid },
    ].map(({ type, payload }) => ({ id: randomUUID(), type, producer: 'gateway', occurredAt: payload.occurredAt, payload }));
    // Straight onto membership's queue, together, as the relay would deliver them: they are handled as one batch.
    await queue.addBulk(
      jobs.map((envelope) => ({
        name: envelope.type,
        data: envelope,
        opts: { jobId: envelope.id, attempts: 4, backoff: { type: 'exponential', delay: 100 } },
      })),
    );

    for (const job of [jobs[0], jobs[2]]) await eventHandled('membership', job.id);
    const member = await settledMember(gateway, 'taobao', user);
    expect(member.points).toEqual({ balance: 0, pending: 999, debt: 0 });
    const letter = await eventually(() => deadQueue.getJob(jobs[1].id), Boolean, { what: 'the poison event in the dead letters' });
    // Refused by the column (out of range), or by the contract once it bounds money to what storage holds.
    expect(letter?.data).toMatchObject({ jobId: jobs[1].id, reason: expect.stringMatching(/out of range|totalFen/) });
    expect(await Promise.all([jobs[0].id, jobs[2].id].map(async (id) => Boolean(await deadQueue.getJob(id))))).toEqual([false, false]);
  });
});
