import { randomUUID } from 'node:crypto';
import { eventHandled, eventually, GatewayClient, memberOf, orderData, sendWebhook, testPool, webhookHandled } from '@shopops/testing';

/** What customer service keeps about buyers and their orders, however the events arrive. */
describe('buyers and their orders in customer service', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());

  const deliver = async (type: string, data: Record<string, unknown>) => {
    const id = `msg_${randomUUID()}`;
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type, data }, { id })).status).toBe(202);
    await webhookHandled('customer-service', id);
  };
  const statusOf = async (orderId: string) =>
    (await db.query<{ status: string }>(`SELECT status FROM customer_service.customer_order WHERE channel = 'taobao' AND order_id = $1`, [orderId])).rows[0]
      ?.status;

  it('never moves an order back when an earlier event of it arrives late', async () => {
    const paidFirst = `TB${randomUUID().slice(0, 10)}`;
    await deliver('order.paid', orderData(paidFirst));
    await deliver('order.created', orderData(paidFirst));
    expect(await statusOf(paidFirst)).toBe('PAID');

    const shippedFirst = `TB${randomUUID().slice(0, 10)}`;
    await deliver('order.shipped', orderData(shippedFirst, { shipment: { carrier: 'SF', trackingNo: `SF${Date.now()}` } }));
    await deliver('order.paid', orderData(shippedFirst));
    await deliver('order.created', orderData(shippedFirst));
    expect(await statusOf(shippedFirst)).toBe('SHIPPED');

    const cancelled = `TB${randomUUID().slice(0, 10)}`;
    await deliver('order.cancelled', orderData(cancelled));
    await deliver('order.paid', orderData(cancelled));
    expect(await statusOf(cancelled)).toBe('CANCELLED');

    // In order, each event moves it on.
    const inOrder = `TB${randomUUID().slice(0, 10)}`;
    await deliver('order.created', orderData(inOrder));
    expect(await statusOf(inOrder)).toBe('CREATED');
    await deliver('order.paid', orderData(inOrder));
    expect(await statusOf(inOrder)).toBe('PAID');
    await deliver('order.completed', orderData(inOrder));
    expect(await statusOf(inOrder)).toBe('COMPLETED');
  });

  it("links every chat buyer's conversation to the member the same message creates, with the messages delivered all at once", async () => {
    const run = randomUUID().slice(0, 8);
    const buyers = Array.from({ length: 12 }, (_, i) => ({ user: `tb_link_${run}_${i}`, conversation: `link-${run}-${i}` }));
    const ids = buyers.map(() => `msg_${randomUUID()}`);
    const answers = await Promise.all(
      buyers.map((b, i) =>
        sendWebhook(
          gateway.baseUrl,
          'taobao',
          {
            type: 'message.received',
            data: { conversationId: b.conversation, buyer: { platformUserId: b.user }, text: '这件有货吗？', at: new Date().toISOString() },
          },
          { id: ids[i] },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(buyers.map(() => 202));
    // Wait for all the work: each message handled here, each member created by membership and its event handled here.
    for (const id of ids) await webhookHandled('customer-service', id);
    const members = await Promise.all(
      buyers.map((b) =>
        eventually(
          () => memberOf(gateway, 'taobao', b.user),
          (m) => m !== null,
          { what: `the member of ${b.user}` },
        ),
      ),
    );
    const created = await db.query<{ event_id: string }>(
      `SELECT event_id::text FROM membership.outbox WHERE type = 'membership.member.created.v1' AND payload->>'platformUserId' = ANY ($1::text[])`,
      [buyers.map((b) => b.user)],
    );
    expect(created.rows).toHaveLength(buyers.length);
    for (const { event_id } of created.rows) await eventHandled('customer-service', event_id);

    const linked = await db.query<{ external_id: string; member_id: string | null }>(
      `SELECT external_id, member_id::text FROM customer_service.conversation WHERE channel = 'taobao' AND external_id = ANY ($1::text[])`,
      [buyers.map((b) => b.conversation)],
    );
    const expected = buyers
      .map((b, i) => ({ external_id: b.conversation, member_id: members[i]!.id }))
      .sort((x, y) => x.external_id.localeCompare(y.external_id));
    expect([...linked.rows].sort((x, y) => x.external_id.localeCompare(y.external_id))).toEqual(expected);
  });

  it('links the conversation when the member is created while the first message is still being recorded', async () => {
    const user = `tb_race_${randomUUID().slice(0, 8)}`;
    const conversation = `race-${randomUUID().slice(0, 8)}`;
    const messageId = `msg_${randomUUID()}`;
    // Hold the recording of the message open: an uncommitted conversation row with its key makes
    // customer service's insert wait until this transaction ends.
    const holder = testPool();
    const held = await holder.connect();
    try {
      await held.query('BEGIN');
      await held.query(`INSERT INTO customer_service.conversation (channel, external_id) VALUES ('taobao', $1)`, [conversation]);
      const sent = await sendWebhook(
        gateway.baseUrl,
        'taobao',
        { type: 'message.received', data: { conversationId: conversation, buyer: { platformUserId: user }, text: '在吗？', at: new Date().toISOString() } },
        { id: messageId },
      );
      expect(sent.status).toBe(202);
      await eventually(
        () => memberOf(gateway, 'taobao', user),
        (m) => m !== null,
        { what: 'membership to create the member' },
      );
      // The member's link has either been recorded here, or waits for the message's account lock.
      await eventually(
        async () =>
          (
            await db.query(
              `SELECT EXISTS (SELECT 1 FROM customer_service.buyer WHERE platform = 'taobao' AND platform_user_id = $1)
                   OR EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory' AND query LIKE '%pg_advisory_xact_lock%') AS settled`,
              [user],
            )
          ).rows[0].settled as boolean,
        Boolean,
        { what: 'the link to be recorded or waiting' },
      );
    } finally {
      await held.query('ROLLBACK');
      held.release();
      await holder.end();
    }
    await webhookHandled('customer-service', messageId);
    const member = (await memberOf(gateway, 'taobao', user))!;
    const created = await db.query<{ event_id: string }>(
      `SELECT event_id::text FROM membership.outbox WHERE type = 'membership.member.created.v1' AND payload->>'platformUserId' = $1`,
      [user],
    );
    await eventHandled('customer-service', created.rows[0].event_id);
    const linked = await db.query(`SELECT member_id::text FROM customer_service.conversation WHERE channel = 'taobao' AND external_id = $1`, [conversation]);
    expect(linked.rows).toEqual([{ member_id: member.id }]);
  });
});
