import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  eventHandled,
  eventually,
  GatewayClient,
  runScheduleNow,
  sendBuyerOrder,
  sendWebhook,
  settledMember,
  testPool,
  tokenFor,
  webhookHandled,
} from '@shopops/testing';

/** The programme's rules driven through the API: earn rates by tier, birthday points, the review bonus, messages only with consent. */
describe('member programme', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());

  const shanghaiMonth = () => String(new Date(Date.now() + 8 * 3600_000).getUTCMonth() + 1).padStart(2, '0');
  /** A member from a paid order of `totalFen`, once membership has handled it. */
  const paidOrder = async (user: string, totalFen: number) => {
    const order = await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: user }, { totalFen });
    const { rows } = await db.query<{ event_id: string }>(`SELECT event_id FROM gateway.outbox WHERE payload->>'orderId' = $1`, [order.orderId]);
    for (const { event_id: id } of rows) await eventHandled('membership', id);
    return settledMember(gateway, 'taobao', user);
  };
  const setBirthday = (memberId: string, birthday: string) =>
    gateway.data(`mutation($i: MemberProfileInput!) { updateMemberProfile(input: $i) { __typename } }`, { i: { memberId, birthday } }, { role: 'cs_agent' });
  const consent = (memberId: string, channel: string) =>
    gateway.data(`mutation($i: ConsentInput!) { setConsent(input: $i) { __typename } }`, { i: { memberId, channel, granted: true } }, { role: 'cs_agent' });

  it('earns pending points at the member’s tier rate (bronze 1, gold 1.5 per yuan), doubled in the birthday month', async () => {
    const [bronze, gold, birthday] = ['bronze', 'gold', 'bday'].map((n) => `tb_rate_${n}_${randomUUID().slice(0, 6)}`);
    expect((await paidOrder(bronze, 100000)).points.pending).toBe(1000);

    const goldMember = await paidOrder(gold, 100);
    await db.query(`UPDATE membership.member SET tier_code = 'gold' WHERE id = $1`, [goldMember.id]);
    expect((await paidOrder(gold, 100000)).points.pending).toBe(1 + 1500);

    const birthdayMember = await paidOrder(birthday, 100);
    await setBirthday(birthdayMember.id, `1994-${shanghaiMonth()}-15`);
    expect((await paidOrder(birthday, 100000)).points.pending).toBe(1 + 2000);
  });

  it('grants the review bonus (200) once, on the review after the fifth', async () => {
    const user = `tb_rev_${randomUUID().slice(0, 8)}`;
    const review = async () => {
      const response = await sendWebhook(gateway.baseUrl, 'taobao', {
        type: 'review.created',
        data: {
          reviewId: `rv-${randomUUID()}`,
          orderId: `TB${randomUUID().slice(0, 10)}`,
          skuCode: 'LX-DRESS-001-BLK-M',
          buyer: { platformUserId: user },
          rating: 5,
          text: '好看',
          images: [],
          createdAt: new Date().toISOString(),
        },
      });
      await webhookHandled('membership', response.body.webhookId as string);
      return (await settledMember(gateway, 'taobao', user)).points.balance;
    };
    const balances: number[] = [];
    for (let i = 0; i < 7; i++) balances.push(await review());
    expect(balances).toEqual([0, 0, 0, 0, 0, 200, 200]);
  });

  it('sends birthday greetings and repurchase reminders only to members who consented to a channel, naming those channels', async () => {
    const [willing, silent] = ['willing', 'silent'].map((n) => `tb_msg_${n}_${randomUUID().slice(0, 6)}`);
    const members = [];
    for (const user of [willing, silent]) {
      const member = await paidOrder(user, 10000);
      await setBirthday(member.id, `1990-${shanghaiMonth()}-02`);
      // Their last order was bought 61 days ago: a reminder is due (MEMBERSHIP_REPURCHASE_REMINDER_DAYS, 60).
      await db.query(`UPDATE membership.member_order SET paid_at = now() - interval '61 days' WHERE member_id = $1`, [member.id]);
      members.push(member);
    }
    await consent(members[0].id, 'wechat');
    await consent(members[0].id, 'sms');
    await runScheduleNow('membership', 'membership.birthday-greetings');
    await runScheduleNow('membership', 'membership.repurchase-reminders');

    const sent = async (memberId: string) =>
      (
        await db.query<{ type: string; channels: string[] }>(
          `SELECT type, payload->'channels' AS channels FROM membership.outbox
            WHERE payload->>'memberId' = $1 AND type IN ('membership.birthday.greeting.v1', 'membership.repurchase.reminder.v1') ORDER BY type`,
          [memberId],
        )
      ).rows;
    expect(await sent(members[0].id)).toEqual([
      { type: 'membership.birthday.greeting.v1', channels: ['sms', 'wechat'] },
      { type: 'membership.repurchase.reminder.v1', channels: ['sms', 'wechat'] },
    ]);
    expect(await sent(members[1].id)).toEqual([]);
  });
  it('reminds a consenting member once of a cart left 24 hours (MEMBERSHIP_ABANDONED_CART_HOURS) without an order, naming what is in it', async () => {
    const [left, fresh, bought, silent] = await Promise.all(
      ['left', 'fresh', 'bought', 'silent'].map((n) => paidOrder(`tb_cart_${n}_${randomUUID().slice(0, 6)}`, 10000)),
    );
    for (const member of [left, fresh, bought]) await consent(member.id, 'sms');
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const tracked = (type: string, memberId: string, at: string, skuCode?: string) => ({
      eventId: `ev-${randomUUID()}`,
      type,
      occurredAt: at,
      memberId,
      channel: 'mall',
      device: 'mobile',
      source: 'direct',
      ...(skuCode ? { skuCode } : {}),
    });
    const events = [
      tracked('add_to_cart', left.id, hoursAgo(26), 'LX-DRESS-001-BLK-M'),
      tracked('add_to_cart', left.id, hoursAgo(25), 'LX-DRESS-001-BLK-S'),
      tracked('add_to_cart', fresh.id, hoursAgo(23), 'LX-DRESS-001-BLK-M'),
      tracked('add_to_cart', bought.id, hoursAgo(26), 'LX-DRESS-001-BLK-M'),
      tracked('payment', bought.id, hoursAgo(25)),
      tracked('add_to_cart', silent.id, hoursAgo(25), 'LX-DRESS-001-BLK-M'),
    ];
    const posted = await request(gateway.baseUrl)
      .post('/events')
      .set('authorization', `Bearer ${tokenFor('analyst')}`)
      .send({ events });
    expect(posted.body.accepted).toBe(events.length);
    // One batch, one transaction: once the last member's cart is there, every cart is.
    await eventually(
      async () => (await db.query(`SELECT 1 FROM membership.member_cart WHERE member_id = $1`, [silent.id])).rowCount,
      (n) => n === 1,
      { what: 'the carts in membership' },
    );
    await runScheduleNow('membership', 'membership.abandoned-carts');
    await runScheduleNow('membership', 'membership.abandoned-carts');

    const reminders = async (memberId: string) =>
      (
        await db.query<{ skus: string[]; channels: string[] }>(
          `SELECT payload->'skuCodes' AS skus, payload->'channels' AS channels FROM membership.outbox
            WHERE type = 'membership.abandoned-cart.reminder.v1' AND payload->>'memberId' = $1`,
          [memberId],
        )
      ).rows;
    expect(await reminders(left.id)).toEqual([{ skus: ['LX-DRESS-001-BLK-M', 'LX-DRESS-001-BLK-S'], channels: ['sms'] }]);
    // Not yet 24 hours; ordered since; no consent.
    for (const member of [fresh, bought, silent]) expect(await reminders(member.id)).toEqual([]);
  });
  it('tags a member who browses without buying a browser (MEMBERSHIP_BROWSER_VIEWS, 10) at the engage stage; two orders make retain', async () => {
    const browserUser = `tb_browse_${randomUUID().slice(0, 6)}`;
    const chat = await sendWebhook(gateway.baseUrl, 'taobao', {
      type: 'message.received',
      data: { conversationId: `conv-${randomUUID().slice(0, 8)}`, buyer: { platformUserId: browserUser }, text: '有S码吗', at: new Date().toISOString() },
    });
    await webhookHandled('membership', chat.body.webhookId as string);
    const browser = await settledMember(gateway, 'taobao', browserUser);
    const views = Array.from({ length: 10 }, () => ({
      eventId: `ev-${randomUUID()}`,
      type: 'product_view',
      occurredAt: new Date().toISOString(),
      memberId: browser.id,
      channel: 'mall',
      device: 'mobile',
      source: 'direct',
      skuCode: 'LX-DRESS-001-BLK-M',
    }));
    await request(gateway.baseUrl)
      .post('/events')
      .set('authorization', `Bearer ${tokenFor('analyst')}`)
      .send({ events: views });
    await eventually(
      async () => (await db.query<{ n: number }>(`SELECT product_views AS n FROM membership.member WHERE id = $1`, [browser.id])).rows[0].n,
      (n) => n === 10,
      { what: 'the views in membership' },
    );
    const repeatUser = `tb_retain_${randomUUID().slice(0, 6)}`;
    await paidOrder(repeatUser, 10000);
    const repeat = await paidOrder(repeatUser, 10000);
    await runScheduleNow('membership', 'membership.rescore-changed');

    const rfmOf = async (id: string) =>
      (
        await gateway.data<{ member: { rfm: { tags: string[]; stage: string } } }>(
          `query($id: ID!) { member(id: $id) { rfm { tags stage } } }`,
          { id },
          { role: 'operator' },
        )
      ).member.rfm;
    // Ten views of one product are also enough weight for its styles (behaviour-tags.e2e-spec covers those).
    const browserRfm = await rfmOf(browser.id);
    expect({ ...browserRfm, tags: browserRfm.tags.filter((t) => !t.startsWith('style:')) }).toEqual({ tags: ['browser'], stage: 'engage' });
    expect((await rfmOf(repeat.id)).stage).toBe('retain');
  });
});
