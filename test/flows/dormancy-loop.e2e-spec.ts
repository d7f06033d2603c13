import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, GatewayClient, sendBuyerOrder, settledMember, testPool, tokenFor } from '@shopops/testing';
import { graphql } from '@shopops/client';
import { expectTypename, typedGateway } from './typed-gateway';

const WinBackExperiment = graphql(`
  query DormancyWinBackExperiment {
    experiment(key: "win-back") {
      __typename
      ... on ExperimentAnalysis {
        variants {
          variant
          units
          conversions
        }
      }
    }
  }
`);

/**
 * The dormancy loop across membership and analytics: quiet members become dormant; the coupon
 * arm gets a win-back coupon, the random hold-out none; both arms are units of analytics'
 * `win-back` experiment, and a member buying again is a conversion in their arm.
 */
describe('dormancy loop', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());

  it('splits dormant members into coupon and hold-out, and measures who comes back in each arm', async () => {
    const run = randomUUID().slice(0, 6);
    const users = Array.from({ length: 8 }, (_, i) => `tb_dorm_${run}_${i}`);
    for (const user of users) await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: user });
    const members = await Promise.all(users.map((u) => settledMember(gateway, 'taobao', u)));
    const ids = members.map((m) => m.id);
    // Time travel: nobody has done anything for 100 days.
    await db.query(`UPDATE membership.member SET last_interaction_at = now() - interval '100 days' WHERE id = ANY ($1::uuid[])`, [ids]);

    const plans = await eventually(
      async () =>
        (await db.query(`SELECT member_id, arm, coupon_id FROM membership.care_plan WHERE member_id = ANY ($1::uuid[])`, [ids])).rows as Array<{
          member_id: string;
          arm: string;
          coupon_id: string | null;
        }>,
      (rows) => rows.length === 8,
      { what: 'every member to turn dormant', timeoutMs: 30_000 },
    );
    // The coupon arm has its coupon; the hold-out has none.
    for (const p of plans) expect(p.coupon_id !== null).toBe(p.arm === 'coupon');
    const units = await eventually(
      async () =>
        (
          await db.query(`SELECT unit_id, variant FROM analytics.experiment_unit WHERE experiment_key = 'win-back' AND unit_id = ANY ($1::text[])`, [
            ids.map((id) => `m:${id}`),
          ])
        ).rows as Array<{ unit_id: string; variant: string }>,
      (rows) => rows.length === 8,
      { what: 'analytics to enrol every dormant member' },
    );
    for (const p of plans) expect(units.find((u) => u.unit_id === `m:${p.member_id}`)?.variant).toBe(p.arm);

    // One member of each arm there is buys again.
    const comeback = ['coupon', 'holdout'].map((arm) => plans.find((p) => p.arm === arm)).filter((p): p is (typeof plans)[number] => p !== undefined);
    for (const p of comeback) await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: users[ids.indexOf(p.member_id)] });
    const analysis = await eventually(
      async () => (await typedGateway(gateway, 'analyst').request(WinBackExperiment)).experiment,
      () => true,
      { what: 'the experiment' },
    );
    expect(expectTypename(analysis, 'ExperimentAnalysis').variants.map((v) => v.variant)).toEqual(['holdout', 'coupon']);
    const converted = await eventually(
      async () =>
        (
          await db.query(
            `SELECT unit_id, variant FROM analytics.experiment_unit WHERE experiment_key = 'win-back' AND unit_id = ANY ($1::text[]) AND converted_at IS NOT NULL`,
            [ids.map((id) => `m:${id}`)],
          )
        ).rows as Array<{ unit_id: string; variant: string }>,
      (rows) => rows.length === comeback.length,
      { what: 'the comebacks to count' },
    );
    expect(converted.map((c) => c.unit_id).sort()).toEqual(comeback.map((p) => `m:${p.member_id}`).sort());
    // Their dormancy ended.
    const stillDormant = async () =>
      (
        await db.query(`SELECT count(*)::int AS n FROM membership.member WHERE id = ANY ($1::uuid[]) AND dormant_since IS NOT NULL`, [
          comeback.map((p) => p.member_id),
        ])
      ).rows[0].n as number;
    expect(await eventually(stillDormant, (n) => n === 0, { what: 'membership to see them buy again' })).toBe(0);
  }, 120_000);

  it('ends a dormancy when the member comes back to the shop, before any order', async () => {
    const user = `tb_visit_${randomUUID().slice(0, 8)}`;
    await sendBuyerOrder(gateway, 'taobao', 'order.paid', { platformUserId: user });
    const member = await settledMember(gateway, 'taobao', user);
    await db.query(`UPDATE membership.member SET last_interaction_at = now() - interval '100 days' WHERE id = $1`, [member.id]);
    await eventually(
      async () => (await db.query(`SELECT dormant_since FROM membership.member WHERE id = $1`, [member.id])).rows[0].dormant_since,
      (d) => d !== null,
      { what: 'dormancy', timeoutMs: 30_000 },
    );
    const visit = {
      eventId: `ev-${randomUUID()}`,
      type: 'product_view',
      occurredAt: new Date().toISOString(),
      memberId: member.id,
      channel: 'mall',
      device: 'mobile',
      source: 'private_domain',
    };
    const response = await request(gateway.baseUrl)
      .post('/events')
      .set('authorization', `Bearer ${tokenFor('analyst')}`)
      .send({ events: [visit] });
    expect(response.body.accepted).toBe(1);
    await eventually(
      async () => (await db.query(`SELECT dormant_since FROM membership.member WHERE id = $1`, [member.id])).rows[0].dormant_since,
      (d) => d === null,
      { what: 'the visit to end the dormancy' },
    );
  });
});
