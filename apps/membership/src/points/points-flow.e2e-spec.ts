import { randomUUID } from 'node:crypto';
import { eventually, GatewayClient, memberOf, type MemberView, orderData, sendWebhook, testPool, webhookHandled } from '@shopops/testing';

/** Points from signed order webhooks, through the gateway, with the suite's fast clocks. */
describe('points from orders', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());

  const buyerOrder = (userId: string, totalFen: number, at: Date) => {
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    const data = orderData(orderId, {
      buyer: { platformUserId: userId, nickname: '小雨' },
      lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: totalFen }],
      totalFen,
      placedAt: at.toISOString(),
    });
    return { orderId, data, at };
  };
  /** Sends an order event and answers its webhook id, to wait for membership to handle it. */
  const send = async (type: string, data: Record<string, unknown>, at = new Date()): Promise<string> => {
    const response = await sendWebhook(gateway.baseUrl, 'taobao', { type, occurredAt: at.toISOString(), data });
    expect(response.status).toBe(202);
    return response.body.webhookId as string;
  };
  const settledMember = (userId: string, accept: (m: MemberView) => boolean, what: string) =>
    eventually(
      () => memberOf(gateway, 'taobao', userId),
      (m) => m !== null && accept(m),
      { what, timeoutMs: 30_000 },
    ) as Promise<MemberView>;

  it('holds paid points as pending until the return window after completion, then makes them spendable', async () => {
    const user = `tb_pts_${randomUUID().slice(0, 8)}`;
    const order = buyerOrder(user, 99900, new Date());
    await send('order.paid', order.data);
    const pending = await settledMember(user, (m) => m.points.pending === 999, 'pending points');
    expect(pending).toMatchObject({ points: { balance: 0, pending: 999, debt: 0 }, tier: { code: 'bronze' } });
    await send('order.completed', order.data);
    await settledMember(user, (m) => m.points.balance === 999 && m.points.pending === 0, 'points to mature');
  });

  it('gets paid → refund → paid again → expiry → spend right, and replaying every event changes nothing', async () => {
    const user = `tb_seq_${randomUUID().slice(0, 8)}`;
    const threeYearsAgo = new Date(Date.now() - 3 * 365 * 86_400_000);
    const first = buyerOrder(user, 100000, threeYearsAgo);
    const second = buyerOrder(user, 50000, new Date());
    const refund = { orderId: first.orderId, refundId: `R-${first.orderId}`, lines: first.data.lines, amountFen: 50000, reason: '部分退款' };
    const events: Array<[string, Record<string, unknown>, Date]> = [
      ['order.paid', first.data, threeYearsAgo],
      ['order.completed', first.data, threeYearsAgo],
    ];
    for (const [type, data, at] of events) await send(type, data, at);
    // Earned three years ago: the points mature, then expire at the end of the following year.
    await settledMember(user, (m) => m.points.pending === 0 && m.points.balance === 0, 'the old order’s points to mature and expire');
    await send('refund.completed', refund);
    events.push(['refund.completed', refund, new Date()]);
    for (const [type, data] of [
      ['order.paid', second.data],
      ['order.completed', second.data],
    ] as const) {
      await send(type, data);
      events.push([type, data, new Date()]);
    }
    const member = await settledMember(user, (m) => m.points.balance === 500 && m.points.pending === 0, 'only the new order’s 500 points to remain');
    const spent = await gateway.data<{ spendPoints: { __typename: string; balance?: number } }>(
      `mutation($i: PointsChangeInput!) { spendPoints(input: $i) { __typename ... on PointsBalance { balance } } }`,
      { i: { memberId: member.id, points: 200, reason: '积分抵现', idempotencyKey: `spend-${member.id}` } },
      { role: 'operator' },
    );
    expect(spent.spendPoints).toEqual({ __typename: 'PointsBalance', balance: 300 });
    const entriesBefore = (await db.query(`SELECT count(*)::int AS n FROM membership.points_entry WHERE member_id = $1`, [member.id])).rows[0].n;
    const replays: string[] = [];
    for (const [type, data, at] of [...events, ...events]) replays.push(await send(type, data, at));
    for (const webhookId of replays) await webhookHandled('membership', webhookId);
    expect(await memberOf(gateway, 'taobao', user)).toMatchObject({ points: { balance: 300, pending: 0, debt: 0 } });
    expect((await db.query(`SELECT count(*)::int AS n FROM membership.points_entry WHERE member_id = $1`, [member.id])).rows[0].n).toBe(entriesBefore);
    const kinds = (await db.query(`SELECT kind, delta FROM membership.points_entry WHERE member_id = $1 ORDER BY id`, [member.id])).rows.map(
      (r) => `${r.kind}:${r.delta}`,
    );
    // The refund of expired points takes nothing from the new order's points.
    expect(kinds).toEqual(['EARN_PENDING:0', 'MATURE:1000', 'EXPIRE:-1000', 'EARN_PENDING:0', 'MATURE:500', 'SPEND:-200']);
  });

  it('refuses to spend more than the balance, or for an unknown member, changing nothing', async () => {
    const user = `tb_poor_${randomUUID().slice(0, 8)}`;
    await send('order.created', buyerOrder(user, 1000, new Date()).data);
    const member = await settledMember(user, () => true, 'the member');
    const spend = (memberId: string) =>
      gateway.data<{ spendPoints: { __typename: string; balance?: number; required?: number } }>(
        `mutation($i: PointsChangeInput!) { spendPoints(input: $i) { __typename ... on InsufficientPointsError { balance required } } }`,
        { i: { memberId, points: 50, reason: 'x', idempotencyKey: `k-${randomUUID()}` } },
        { role: 'operator' },
      );
    expect((await spend(member.id)).spendPoints).toEqual({ __typename: 'InsufficientPointsError', balance: 0, required: 50 });
    expect((await spend(randomUUID())).spendPoints).toEqual({ __typename: 'NotFoundError' });
    const bad = await gateway.query(
      `mutation($i: PointsChangeInput!) { spendPoints(input: $i) { __typename } }`,
      { i: { memberId: member.id, points: -5, reason: 'x', idempotencyKey: 'short' } },
      { role: 'operator' },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['points', 'idempotencyKey'] });
  });
});
