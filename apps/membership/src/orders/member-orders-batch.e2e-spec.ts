import { randomUUID } from 'node:crypto';
import { ChannelOrderPaid, deadLetterQueueName, eventQueueName, type EventEnvelope } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { eventually, orderData, testPool } from '@shopops/testing';

/** Paid orders handled set-based, a relayed batch at a time (one job carries the whole batch). */
describe('member orders in one batch', () => {
  const connection = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue(eventQueueName('membership'), { connection, prefix: process.env.SHOPOPS_TEST_QUEUE_PREFIX });
  const deadQueue = new Queue(deadLetterQueueName(eventQueueName('membership')), { connection, prefix: process.env.SHOPOPS_TEST_QUEUE_PREFIX });
  const db = testPool();
  afterAll(async () => {
    await Promise.all([queue.close(), deadQueue.close(), db.end()]);
    connection.disconnect();
  });

  const paidOrders = (run: string, count: number, totalFen: (i: number) => number): EventEnvelope[] =>
    Array.from({ length: count }, (_, i) => {
      const payload = {
        ...orderData(`BT-${run}-${i}`, {
          buyer: { platformUserId: `tb_batch_${run}_${i % 20}`, nickname: '小雨' },
          lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: totalFen(i) }],
          totalFen: totalFen(i),
        }),
        channel: 'taobao',
        occurredAt: new Date().toISOString(),
        deliveryId: `msg_${randomUUID()}`,
      };
      return { id: randomUUID(), type: ChannelOrderPaid.type, producer: 'gateway', occurredAt: payload.occurredAt, payload };
    });

  /** Puts the events on membership's queue as one batch job, the way the relay publishes them, and waits for it. */
  async function deliverBatch(events: readonly EventEnvelope[]): Promise<void> {
    const jobId = `batch-${randomUUID()}`;
    await queue.add('events', { events }, { jobId, attempts: 4, backoff: { type: 'exponential', delay: 100 } });
    const state = await eventually(
      () => queue.getJobState(jobId),
      (s) => s === 'completed' || s === 'failed',
      { timeoutMs: 60_000, what: 'the batch job to finish' },
    );
    expect(state).toBe('completed');
  }

  /** Everything the batch's orders left in membership's tables, per order and per member. */
  async function effects(run: string) {
    const pattern = `BT-${run}-%`;
    const rows = async (sql: string) => (await db.query(sql, [pattern])).rows;
    return {
      lots: await rows(
        `SELECT order_id, count(*)::int AS lots, sum(points)::int AS points, min(status) AS status FROM membership.points_lot WHERE order_id LIKE $1 GROUP BY order_id ORDER BY order_id`,
      ),
      entries: await rows(
        `SELECT e.operation_key, count(*)::int AS n, sum(e.pending_delta)::int AS pending FROM membership.points_entry e
          WHERE e.operation_key LIKE 'order:taobao:' || $1 GROUP BY e.operation_key ORDER BY e.operation_key`,
      ),
      orders: await rows(`SELECT order_id, member_id, total_fen, paid_at FROM membership.member_order WHERE order_id LIKE $1 ORDER BY order_id`),
      members: await rows(
        `SELECT m.id, m.points_pending, m.points_balance, m.tier_code FROM membership.member m
          WHERE m.id IN (SELECT member_id FROM membership.member_order WHERE order_id LIKE $1) ORDER BY m.id`,
      ),
    };
  }

  it('dead-letters only the poison event of a batch of 200 paid orders; the other 199 earn once', async () => {
    const run = randomUUID().slice(0, 8);
    // 2^31 fen: more than the order's integer column holds.
    const events = paidOrders(run, 200, (i) => (i === 137 ? 2 ** 31 : 10000 + i * 100));
    await deliverBatch(events);

    const letter = await eventually(() => deadQueue.getJob(events[137].id), Boolean, { what: 'the poison event in the dead letters' });
    expect(letter?.data).toMatchObject({ jobId: events[137].id, reason: expect.stringMatching(/out of range|totalFen/) });
    const lettered = await Promise.all(events.map(async (e) => Boolean(await deadQueue.getJob(e.id))));
    expect(lettered.filter(Boolean)).toHaveLength(1);

    const { lots, entries, orders, members } = await effects(run);
    const earned = events.filter((_, i) => i !== 137).map((e) => (e.payload as { orderId: string }).orderId);
    expect(lots.map((l) => l.order_id).sort()).toEqual([...earned].sort());
    expect(lots.every((l) => l.lots === 1 && l.points > 0 && l.status === 'PENDING')).toBe(true);
    expect(entries).toHaveLength(199);
    expect(entries.every((e) => e.n === 1)).toBe(true);
    expect(orders).toHaveLength(199);
    expect(members).toHaveLength(20);
    // Each member's pending total is the sum of its orders' lots: nothing counted twice or lost.
    const lotPoints = new Map(lots.map((l) => [l.order_id, l.points as number]));
    const pendingOf = new Map<string, number>();
    for (const o of orders) pendingOf.set(o.member_id, (pendingOf.get(o.member_id) ?? 0) + (lotPoints.get(o.order_id) ?? 0));
    expect(new Map(members.map((m) => [m.id, m.points_pending]))).toEqual(pendingOf);
  });

  it('changes nothing when a batch is delivered again, under the same event ids or as new deliveries of the same orders', async () => {
    const run = randomUUID().slice(0, 8);
    const events = paidOrders(run, 60, (i) => 20000 + i * 100);
    await deliverBatch(events);
    const first = await effects(run);
    expect(first.lots).toHaveLength(60);

    // The same events again (a redelivered job), in another order.
    await deliverBatch([...events].reverse());
    expect(await effects(run)).toEqual(first);
    // The same orders reported again under new event ids: the inbox lets them through, the earn key does not.
    await deliverBatch(events.map((e) => ({ ...e, id: randomUUID() })));
    expect(await effects(run)).toEqual(first);
  });
});
