import { randomUUID } from 'node:crypto';
import { eventHandled, GatewayClient, runScheduleNow, sendBuyerOrder, sendWebhook, settledMember, testPool, webhookHandled } from '@shopops/testing';

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
});
