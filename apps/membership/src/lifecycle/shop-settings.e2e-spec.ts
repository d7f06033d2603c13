import { randomUUID } from 'node:crypto';
import { chattingMember, eventually, GatewayClient, postTrackedEvents, runScheduleNow, testPool, trackedEvent, useOwnSuite } from '@shopops/testing';
import type { Pool } from 'pg';

const HOUR = 3_600_000;

/**
 * A shop that reminds of carts after 4 hours (MEMBERSHIP_ABANDONED_CART_HOURS, default 24) and
 * counts an order within 2 hours of the first view as an impulse purchase
 * (MEMBERSHIP_IMPULSE_MINUTES, default 15): both settings change what members get.
 */
describe('membership settings of a shop', () => {
  const suite = useOwnSuite('membership-settings', {
    services: ['catalog', 'membership', 'gateway'],
    env: { MEMBERSHIP_ABANDONED_CART_HOURS: '4', MEMBERSHIP_IMPULSE_MINUTES: '120' },
  });
  let gateway: GatewayClient;
  let db: Pool;
  beforeAll(() => {
    gateway = new GatewayClient(suite().gatewayUrl);
    db = testPool({ url: suite().databaseUrl });
  });
  afterAll(() => db.end());

  const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
  const track = (events: Array<ReturnType<typeof trackedEvent>>) => postTrackedEvents(gateway.baseUrl, events);

  it('reminds of a cart left 5 hours, not of one left 3', async () => {
    const [left, recent] = [
      await chattingMember(gateway, `tb_set_left_${randomUUID().slice(0, 6)}`),
      await chattingMember(gateway, `tb_set_recent_${randomUUID().slice(0, 6)}`),
    ];
    for (const member of [left, recent]) {
      await gateway.data(
        `mutation($i: ConsentInput!) { setConsent(input: $i) { __typename } }`,
        { i: { memberId: member.id, channel: 'sms', granted: true } },
        { role: 'cs_agent' },
      );
    }
    await track([
      trackedEvent('add_to_cart', left.id, ago(5), { skuCode: 'LX-DRESS-001-BLK-M' }),
      trackedEvent('add_to_cart', recent.id, ago(3), { skuCode: 'LX-DRESS-001-BLK-M' }),
    ]);
    await eventually(
      async () => (await db.query(`SELECT 1 FROM membership.member_cart WHERE member_id = ANY($1::uuid[])`, [[left.id, recent.id]])).rowCount,
      (n) => n === 2,
      { what: 'both carts in membership' },
    );
    await runScheduleNow('membership', 'membership.abandoned-carts');

    const reminded = async (memberId: string) =>
      (await db.query(`SELECT 1 FROM membership.outbox WHERE type = 'membership.abandoned-cart.reminder.v1' AND payload->>'memberId' = $1`, [memberId]))
        .rowCount;
    expect(await reminded(left.id)).toBe(1); // under the default 24 hours it would wait
    expect(await reminded(recent.id)).toBe(0);
  });

  it('counts an order 90 minutes after the first view as an impulse purchase', async () => {
    const member = await chattingMember(gateway, `tb_set_impulse_${randomUUID().slice(0, 6)}`);
    const products = ['A', 'B', 'C'].map((p) => `LX-SET-${p}-${randomUUID().slice(0, 6).toUpperCase()}`);
    await track(
      products.flatMap((productCode, i) => [
        trackedEvent('product_view', member.id, ago(3 + i), { productCode }),
        trackedEvent('order', member.id, ago(1.5 + i), { productCode }),
      ]),
    );
    await eventually(
      async () => (await db.query<{ n: number }>(`SELECT impulse_purchases AS n FROM membership.member WHERE id = $1`, [member.id])).rows[0].n,
      (n) => n === 3, // 0 under the default 15 minutes
      { what: 'the purchases counted in membership' },
    );
    await runScheduleNow('membership', 'membership.rescore-changed');
    const { member: scored } = await gateway.data<{ member: { rfm: { tags: string[] } } }>(
      `query($id: ID!) { member(id: $id) { rfm { tags } } }`,
      { id: member.id },
      { role: 'operator' },
    );
    expect(scored.rfm.tags).toContain('impulse-buyer');
  });
});
