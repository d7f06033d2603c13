import { randomUUID } from 'node:crypto';
import { eventually, GatewayClient, sendBuyerOrder, sendWebhook, settledMember, testPool } from '@shopops/testing';

/** Tiers, coupons, the points mall and exclusive events, through the gateway. */
describe('loyalty', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());
  const newMember = async (totalFen = 20000) => {
    const user = `tb_loyal_${randomUUID().slice(0, 8)}`;
    const order = await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: user }, { totalFen });
    const member = await settledMember(gateway, 'taobao', user, (m) => m.points.pending === Math.floor(totalFen / 100));
    return { user, order, member };
  };
  const tierOf = async (memberId: string) =>
    (
      await gateway.data<{ member: { tier: { code: string; lifetime: boolean } } }>(
        `query($id: ID!) { member(id: $id) { tier { code lifetime } } }`,
        { id: memberId },
        operator,
      )
    ).member.tier;

  it('reads and replaces the tier scheme as typed objects, refusing tiers that share a rank', async () => {
    const schemeFields = `code name reviewMonths tiers { code name rank spendFen score lifetimeOnly benefits { birthdayGift earlyAccessHours freeShipping priorityShipping dedicatedAgent designerConsultation } }`;
    type Scheme = { code: string; name: string; reviewMonths: number; tiers: Array<{ code: string; rank: number; lifetimeOnly: boolean | null }> };
    const { tierScheme } = await gateway.data<{ tierScheme: Scheme }>(`query { tierScheme { ${schemeFields} } }`, {}, operator);
    expect(tierScheme.tiers.map((t) => t.code)).toEqual(expect.arrayContaining(['silver', 'gold']));
    const set = (definition: Scheme) =>
      gateway.query(`mutation($d: TierSchemeInput!) { setTierScheme(definition: $d) { ${schemeFields} } }`, { d: definition }, { role: 'admin' });

    const sameRanks = { ...tierScheme, tiers: tierScheme.tiers.map((t) => ({ ...t, rank: 1 })) };
    expect((await set(sameRanks)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['definition'] });
    const noMonths = { ...tierScheme, reviewMonths: 0 };
    expect((await set(noMonths)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.stringMatching(/reviewMonths$/)] });

    const replaced = await set(tierScheme);
    expect(replaced.errors).toBeUndefined();
    expect((replaced.data as { setTierScheme: Scheme }).setTierScheme).toEqual(tierScheme);
  });

  it('upgrades at once when spend crosses the threshold, and a refund does not downgrade before the review date', async () => {
    const { user, order, member } = await newMember(350000);
    expect(
      await eventually(
        () => tierOf(member.id),
        (t) => t.code === 'silver',
        { what: 'silver tier' },
      ),
    ).toEqual({ code: 'silver', lifetime: false });
    const refund = { orderId: order.orderId, refundId: `R-${order.orderId}`, lines: order.data.lines, amountFen: 350000, reason: '退货' };
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'refund.completed', occurredAt: new Date().toISOString(), data: refund })).status).toBe(202);
    await settledMember(gateway, 'taobao', user, (m) => m.points.pending === 0, 'the refund to cancel the pending points');
    expect((await tierOf(member.id)).code).toBe('silver');

    const locked = await gateway.data<{ lockLifetimeTier: boolean }>(
      `mutation($id: ID!) { lockLifetimeTier(memberId: $id, tierCode: "gold") }`,
      { id: member.id },
      { role: 'admin' },
    );
    expect(locked.lockLifetimeTier).toBe(true);
    expect(await tierOf(member.id)).toEqual({ code: 'gold', lifetime: true });
  });

  it('issues coupons within limits and redeems each once, on its owner’s order, above the minimum spend', async () => {
    const code = `C${randomUUID().slice(0, 6).toUpperCase()}`;
    const template = await gateway.data<{ upsertCouponTemplate: { code: string; issuedCount: number } }>(
      `mutation($i: CouponTemplateInput!) { upsertCouponTemplate(input: $i) { code issuedCount } }`,
      { i: { code, name: '满300减30', kind: 'AMOUNT_OFF', amountOffFen: 3000, minSpendFen: 30000, validDays: 30, perMemberLimit: 1, totalLimit: 10 } },
      operator,
    );
    expect(template.upsertCouponTemplate).toEqual({ code, issuedCount: 0 });
    const bad = await gateway.query(
      `mutation($i: CouponTemplateInput!) { upsertCouponTemplate(input: $i) { code } }`,
      { i: { code, name: 'x', kind: 'AMOUNT_OFF', validDays: 30 } },
      operator,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['amountOffFen'] });

    const { member } = await newMember();
    const { member: stranger } = await newMember();
    const issue = (memberId: string) =>
      gateway.data<{ issueCoupon: { __typename: string; code?: string; limit?: number } }>(
        `mutation($i: IssueCouponInput!) { issueCoupon(input: $i) { __typename ... on Coupon { code } ... on CouponLimitReachedError { limit } } }`,
        { i: { memberId, templateCode: code } },
        operator,
      );
    const coupon = (await issue(member.id)).issueCoupon;
    expect(coupon.__typename).toBe('Coupon');
    expect((await issue(member.id)).issueCoupon).toEqual({ __typename: 'CouponLimitReachedError', limit: 1 });

    const redeem = (memberId: string, orderId: string, orderAmountFen: number) =>
      gateway.data<{ redeemCoupon: { __typename: string; status?: string; minSpendFen?: number; orderId?: string } }>(
        `mutation($i: RedeemCouponInput!) { redeemCoupon(input: $i) {
           __typename ... on Coupon { status } ... on CouponMinimumSpendError { minSpendFen } ... on CouponAlreadyUsedError { orderId } } }`,
        { i: { couponCode: coupon.code, memberId, channel: 'mall', orderId, orderAmountFen } },
        operator,
      );
    expect((await redeem(stranger.id, 'M-1', 50000)).redeemCoupon.__typename).toBe('CouponNotOwnedError');
    // A member trying someone else's code hears exactly what an unknown code answers.
    const redeemAsStranger = async (couponCode: string) =>
      (
        await gateway.data<{ redeemCoupon: Record<string, string> }>(
          `mutation($i: RedeemCouponInput!) { redeemCoupon(input: $i) { __typename ... on ErrorResult { errorCode message } ... on NotFoundError { entity key } } }`,
          { i: { couponCode, memberId: stranger.id, channel: 'mall', orderId: 'M-S', orderAmountFen: 50000 } },
          { role: 'member', memberId: stranger.id },
        )
      ).redeemCoupon;
    const unknownCode = `${coupon.code}-X`;
    const unknown = await redeemAsStranger(unknownCode);
    expect(unknown).toEqual({
      __typename: 'NotFoundError',
      errorCode: 'NOT_FOUND',
      message: `Coupon ${unknownCode} does not exist`,
      entity: 'Coupon',
      key: unknownCode,
    });
    expect(await redeemAsStranger(coupon.code!)).toEqual({ ...unknown, message: `Coupon ${coupon.code} does not exist`, key: coupon.code });
    expect((await redeem(member.id, 'M-1', 29999)).redeemCoupon).toEqual({ __typename: 'CouponMinimumSpendError', minSpendFen: 30000 });
    expect((await redeem(member.id, 'M-1', 30000)).redeemCoupon).toEqual({ __typename: 'Coupon', status: 'REDEEMED' });
    // The same coupon on the same order answers as before; on another order it is refused.
    expect((await redeem(member.id, 'M-1', 30000)).redeemCoupon).toEqual({ __typename: 'Coupon', status: 'REDEEMED' });
    expect((await redeem(member.id, 'M-2', 30000)).redeemCoupon).toEqual({ __typename: 'CouponAlreadyUsedError', orderId: 'M-1' });
  });

  it('refuses an expired coupon, changing nothing', async () => {
    const code = `X${randomUUID().slice(0, 6).toUpperCase()}`;
    await gateway.data(
      `mutation($i: CouponTemplateInput!) { upsertCouponTemplate(input: $i) { code } }`,
      { i: { code, name: '限时券', kind: 'FREE_SHIPPING', validUntil: new Date(Date.now() + 86_400_000).toISOString() } },
      operator,
    );
    const { member } = await newMember();
    const coupon = (
      await gateway.data<{ issueCoupon: { code: string } }>(
        `mutation($i: IssueCouponInput!) { issueCoupon(input: $i) { ... on Coupon { code } } }`,
        { i: { memberId: member.id, templateCode: code } },
        operator,
      )
    ).issueCoupon;
    // Time travel: the coupon ran out a second ago.
    await db.query(`UPDATE membership.coupon SET valid_until = now() - interval '1 second' WHERE code = $1`, [coupon.code]);
    const redeemed = await gateway.data<{ redeemCoupon: { __typename: string } }>(
      `mutation($i: RedeemCouponInput!) { redeemCoupon(input: $i) { __typename } }`,
      { i: { couponCode: coupon.code, memberId: member.id, channel: 'mall', orderId: 'M-LATE', orderAmountFen: 10000 } },
      operator,
    );
    expect(redeemed.redeemCoupon.__typename).toBe('CouponExpiredError');
    const after = await gateway.data<{ member: { coupons: Array<{ code: string; status: string; redeemedOrderId: string | null }> } }>(
      `query($id: ID!) { member(id: $id) { coupons { code status redeemedOrderId } } }`,
      { id: member.id },
      operator,
    );
    expect(after.member.coupons.find((c) => c.code === coupon.code)).toMatchObject({ redeemedOrderId: null });
  });

  it('gives a coupon back when the order it was used on is cancelled', async () => {
    const code = `R${randomUUID().slice(0, 6).toUpperCase()}`;
    await gateway.data(
      `mutation($i: CouponTemplateInput!) { upsertCouponTemplate(input: $i) { code } }`,
      { i: { code, name: '无门槛 10 元', kind: 'AMOUNT_OFF', amountOffFen: 1000, validDays: 7 } },
      operator,
    );
    const { user, member } = await newMember();
    const coupon = (
      await gateway.data<{ issueCoupon: { code: string } }>(
        `mutation($i: IssueCouponInput!) { issueCoupon(input: $i) { ... on Coupon { code } } }`,
        { i: { memberId: member.id, templateCode: code } },
        operator,
      )
    ).issueCoupon;
    const order = await sendBuyerOrder(gateway, 'taobao', 'order.created', { platformUserId: user });
    await gateway.data(
      `mutation($i: RedeemCouponInput!) { redeemCoupon(input: $i) { __typename } }`,
      { i: { couponCode: coupon.code, memberId: member.id, channel: 'taobao', orderId: order.orderId, orderAmountFen: 20000 } },
      operator,
    );
    await sendBuyerOrder(gateway, 'taobao', 'order.cancelled', { platformUserId: user }, { order });
    const statusOf = async () =>
      (
        await gateway.data<{ member: { coupons: Array<{ code: string; status: string }> } }>(
          `query($id: ID!) { member(id: $id) { coupons { code status } } }`,
          { id: member.id },
          operator,
        )
      ).member.coupons.find((c) => c.code === coupon.code)?.status;
    expect(await eventually(statusOf, (s) => s === 'ISSUED', { what: 'the coupon to come back' })).toBe('ISSUED');
  });

  it('exchanges points for a reward once per idempotency key, within stock and points', async () => {
    const code = `GIFT-${randomUUID().slice(0, 6).toUpperCase()}`;
    await gateway.data(
      `mutation($i: RewardInput!) { upsertReward(input: $i) { __typename } }`,
      { i: { code, name: '丝巾', pointsCost: 150, stock: 1, perMemberLimit: 1 } },
      operator,
    );
    const rich = await newMember(20000);
    const grant = (memberId: string, points: number) =>
      gateway.data(
        `mutation($i: PointsChangeInput!) { grantPoints(input: $i) { __typename } }`,
        { i: { memberId, points, reason: '客服补偿', idempotencyKey: `grant-${memberId}` } },
        operator,
      );
    await grant(rich.member.id, 200);
    const redeem = (memberId: string, key: string) =>
      gateway.data<{ redeemReward: { __typename: string; points?: number; balance?: number; required?: number } }>(
        `mutation($i: RedeemRewardInput!) { redeemReward(input: $i) { __typename ... on RewardRedemption { points } ... on InsufficientPointsError { balance required } } }`,
        { i: { memberId, rewardCode: code, idempotencyKey: key } },
        operator,
      );
    const poor = await newMember(1000);
    expect((await redeem(poor.member.id, 'poor-key-1')).redeemReward).toEqual({ __typename: 'InsufficientPointsError', balance: 0, required: 150 });
    expect((await redeem(rich.member.id, 'rich-key-1')).redeemReward).toEqual({ __typename: 'RewardRedemption', points: 150 });
    expect((await redeem(rich.member.id, 'rich-key-1')).redeemReward).toEqual({ __typename: 'RewardRedemption', points: 150 });
    await grant(poor.member.id, 500);
    expect((await redeem(poor.member.id, 'poor-key-2')).redeemReward.__typename).toBe('RewardUnavailableError');
    const balance = await gateway.data<{ member: { points: { balance: number } } }>(
      `query($id: ID!) { member(id: $id) { points { balance } } }`,
      { id: rich.member.id },
      operator,
    );
    expect(balance.member.points.balance).toBe(50);
  });

  it('never overbooks an exclusive event under concurrent bookings, and seats the waitlist when someone cancels', async () => {
    const code = `SALON-${randomUUID().slice(0, 6).toUpperCase()}`;
    await gateway.data(
      `mutation($i: ExclusiveEventInput!) { createExclusiveEvent(input: $i) { code } }`,
      { i: { code, title: '秋冬新品私享会', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), seats: 3 } },
      operator,
    );
    const members = await Promise.all(Array.from({ length: 8 }, () => newMember(1000)));
    const book = (memberId: string, joinWaitlist: boolean) =>
      gateway.data<{ bookExclusiveEvent: { __typename: string; status?: string; waitlistPosition?: number | null } }>(
        `mutation($i: BookEventInput!) { bookExclusiveEvent(input: $i) { __typename ... on EventBooking { status waitlistPosition } } }`,
        { i: { eventCode: code, memberId, joinWaitlist } },
        operator,
      );
    const answers = await Promise.all(members.slice(0, 6).map((m) => book(m.member.id, false)));
    const outcomes = answers.map((a) => (a.bookExclusiveEvent.__typename === 'EventFullError' ? 'full' : a.bookExclusiveEvent.status));
    expect(outcomes.filter((o) => o === 'BOOKED')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(3);
    const waitlisted = await book(members[6].member.id, true);
    expect(waitlisted.bookExclusiveEvent).toEqual({ __typename: 'EventBooking', status: 'WAITLISTED', waitlistPosition: 1 });

    const bookedMember = members[answers.findIndex((a) => a.bookExclusiveEvent.status === 'BOOKED')].member.id;
    await gateway.data(
      `mutation($c: String!, $m: ID!) { cancelEventBooking(eventCode: $c, memberId: $m) { __typename } }`,
      { c: code, m: bookedMember },
      operator,
    );
    const events = await gateway.data<{ exclusiveEvents: Array<{ code: string; seats: number; booked: number }> }>(
      `{ exclusiveEvents { code seats booked } }`,
      {},
      operator,
    );
    expect(events.exclusiveEvents.find((e) => e.code === code)).toEqual({ code, seats: 3, booked: 3 });
    const promoted = await gateway.data<{ member: { bookings: Array<{ eventCode: string; status: string }> } }>(
      `query($id: ID!) { member(id: $id) { bookings { eventCode status } } }`,
      { id: members[6].member.id },
      operator,
    );
    expect(promoted.member.bookings).toEqual([{ eventCode: code, status: 'BOOKED' }]);
  });

  it('keeps tier-restricted events to members of that tier or above', async () => {
    const code = `VIP-${randomUUID().slice(0, 6).toUpperCase()}`;
    await gateway.data(
      `mutation($i: ExclusiveEventInput!) { createExclusiveEvent(input: $i) { code } }`,
      { i: { code, title: '设计师一对一', startsAt: new Date(Date.now() + 86_400_000).toISOString(), seats: 5, minTier: 'gold' } },
      operator,
    );
    const { member } = await newMember(1000);
    const refused = await gateway.data<{ bookExclusiveEvent: { __typename: string; requiredTier?: string } }>(
      `mutation($i: BookEventInput!) { bookExclusiveEvent(input: $i) { __typename ... on TierNotEligibleError { requiredTier } } }`,
      { i: { eventCode: code, memberId: member.id } },
      operator,
    );
    expect(refused.bookExclusiveEvent).toEqual({ __typename: 'TierNotEligibleError', requiredTier: 'gold' });
  });
});
