import { randomUUID } from 'node:crypto';
import { eventually, GatewayClient, scheduleRanSince, sendBuyerOrder, settledMember, testPool } from '@shopops/testing';

/** Dormancy with its win-back coupon, and rule-based segments over RFM scores (the suite runs these jobs every few seconds). */
describe('member lifecycle and segments', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());

  const memberView = async (id: string) =>
    (
      await gateway.data<{ member: { dormantSince: string | null; coupons: Array<{ templateCode: string; status: string }> } }>(
        `query($id: ID!) { member(id: $id) { dormantSince coupons { templateCode status } } }`,
        { id },
        operator,
      )
    ).member;

  it('marks a member quiet for 90 days dormant and issues one win-back coupon (none in the hold-out); buying again ends the dormancy', async () => {
    const user = `tb_quiet_${randomUUID().slice(0, 8)}`;
    await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: user });
    const member = await settledMember(gateway, 'taobao', user);
    // Time travel: the member's last interaction was 100 days ago.
    await db.query(`UPDATE membership.member SET last_interaction_at = now() - interval '100 days' WHERE id = $1`, [member.id]);

    await eventually(
      () => memberView(member.id),
      (m) => m.dormantSince !== null,
      { what: 'dormancy', timeoutMs: 30_000 },
    );
    const [plan] = (await db.query(`SELECT arm FROM membership.care_plan WHERE member_id = $1`, [member.id])).rows as Array<{ arm: string }>;
    const expected = plan.arm === 'coupon' ? [{ templateCode: 'WINBACK-50', status: 'ISSUED' }] : [];
    expect((await memberView(member.id)).coupons).toEqual(expected);
    const event = await db.query(`SELECT count(*)::int AS n FROM membership.outbox WHERE type = 'membership.member.dormant.v1' AND payload->>'memberId' = $1`, [
      member.id,
    ]);
    expect(event.rows[0].n).toBe(1);
    // A later run of the job leaves it at one coupon for this episode.
    await scheduleRanSince('membership', 'membership.dormancy', Date.now());
    expect((await memberView(member.id)).coupons).toHaveLength(expected.length);

    // An order from before the quiet spell, delivered late (or replayed), leaves the member dormant.
    const late = await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: user }, { at: new Date(Date.now() - 100 * 86_400_000) });
    await eventually(
      async () => (await db.query(`SELECT 1 FROM membership.member_order WHERE channel = 'taobao' AND order_id = $1`, [late.orderId])).rowCount,
      (n) => n === 1,
      { what: 'the late order recorded' },
    );
    expect((await memberView(member.id)).dormantSince).not.toBeNull();

    await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: user });
    await eventually(
      () => memberView(member.id),
      (m) => m.dormantSince === null,
      { what: 'the dormancy to end' },
    );
  });

  it('defines a segment by rule and fills it from RFM scores as orders change them', async () => {
    const code = `big-spenders-${randomUUID().slice(0, 6)}`;
    const define = (c: string, r: object) =>
      gateway.query(
        `mutation($c: String!, $r: SegmentRuleInput!) { defineSegment(code: $c, name: "年消费过万", rule: $r) { code rule { all { field op number text numbers texts } } } }`,
        { c, r },
        operator,
      );
    for (const badRule of [
      { all: [{ field: 'shoeSize', op: '>=', number: 1 }] },
      { all: [{ field: 'monetaryFen', op: '>=', number: 1, text: '1' }] },
      { any: [] },
    ]) {
      expect((await define('x-bad', badRule)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['rule'] });
    }
    const defined = await define(code, { all: [{ field: 'monetaryFen', op: '>=', number: 1_000_000 }] });
    expect(defined.data).toEqual({
      defineSegment: { code, rule: { all: [{ field: 'monetaryFen', op: '>=', number: 1_000_000, text: null, numbers: null, texts: null }] } },
    });

    const [big, small] = [`tb_big_${randomUUID().slice(0, 8)}`, `tb_small_${randomUUID().slice(0, 8)}`];
    await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: big }, { totalFen: 1_200_000 });
    await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: small }, { totalFen: 20_000 });
    const [bigMember, smallMember] = [await settledMember(gateway, 'taobao', big), await settledMember(gateway, 'taobao', small)];
    const members = await eventually(
      async () =>
        (await gateway.data<{ segmentMembers: string[] }>(`query($c: String!) { segmentMembers(code: $c, first: 1000) }`, { c: code }, operator))
          .segmentMembers,
      (ids) => ids.includes(bigMember.id),
      { what: 'the rescoring job to fill the segment', timeoutMs: 30_000 },
    );
    expect(members).not.toContain(smallMember.id);
    const rfm = await gateway.data<{ member: { rfm: { monetaryFen: number; frequency: number }; segments: string[] } }>(
      `query($id: ID!) { member(id: $id) { rfm { monetaryFen frequency } segments } }`,
      { id: bigMember.id },
      { role: 'analyst' },
    );
    expect(rfm.member.rfm).toEqual({ monetaryFen: 1_200_000, frequency: 1 });
    expect(rfm.member.segments).toContain(code);
  });
});
