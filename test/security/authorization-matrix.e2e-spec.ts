import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Pool } from 'pg';
import {
  type CallAs,
  GatewayClient,
  type GraphQLResponse,
  sendBuyerOrder,
  settledMember,
  testPool,
  uniqueCode,
  uniquePhone,
  useOwnSuite,
} from '@shopops/testing';
import { probeOperation, type ProbeIds, type ProbeOperation } from './probe-operations';

type Caller = 'anonymous' | 'member' | 'admin' | 'operator' | 'warehouse' | 'cs_agent' | 'analyst';
/** Who may call what, kept as data: `fields` maps `Query.x` / `Mutation.y` to the callers allowed. */
const matrix = JSON.parse(readFileSync(join(__dirname, 'authorization-matrix.json'), 'utf8')) as { roles: Caller[]; fields: Record<string, string[]> };
type RootField = { kind: 'query' | 'mutation'; key: string; field: GraphQLField<unknown, unknown> };

const ACCESS_CODES = ['FORBIDDEN', 'UNAUTHENTICATED'];

// Allowed calls really run, as admin too: shop-wide settings they change must not reach other specs.
useOwnSuite('authorization-matrix');

/** Every root field of the composed API × anonymous, member and each staff role, against the table in authorization-matrix.json. */
describe('authorization matrix', () => {
  let gateway: GatewayClient;
  let db: Pool;
  beforeAll(() => {
    gateway = new GatewayClient();
    db = testPool();
  });
  afterAll(() => db.end());
  const schema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '../../generated/supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
  const table: Record<string, readonly string[]> = matrix.fields;
  const roots: RootField[] = (['query', 'mutation'] as const).flatMap((kind) => {
    const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({ kind, key: `${type!.name}.${field.name}`, field }));
  });

  const admin = { role: 'admin' as const };
  const shared: Record<string, string> = { eventCode: uniqueCode('MX-EVENT'), rewardCode: uniqueCode('MX-REWARD'), key: `mx-${randomUUID().slice(0, 8)}` };
  let caller: ProbeIds;
  let other: ProbeIds;

  /** The root-level access answer: the code of an error on the field itself, if any. */
  const accessCode = (response: GraphQLResponse, field: string) => {
    const rootError = response.errors?.find((e) => e.path?.length === 1 && e.path[0] === field) ?? response.errors?.find((e) => !e.path);
    const code = rootError?.extensions?.code;
    return typeof code === 'string' && ACCESS_CODES.includes(code) ? code : undefined;
  };
  const call = (op: ProbeOperation, as: CallAs) => gateway.query<Record<string, unknown>>(op.document, op.variables, as);
  const asCaller = (role: Caller): CallAs => (role === 'anonymous' ? {} : role === 'member' ? { role, memberId: caller.memberId } : { role });

  it('classifies every root field of the composed schema, and only those', () => {
    const unlisted = roots.map((r) => r.key).filter((key) => !table[key]);
    const stale = Object.keys(table).filter((key) => !roots.some((r) => r.key === key));
    expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] });
    const unknownRoles = Object.entries(table).filter(([, roles]) => roles.some((role) => !matrix.roles.includes(role as Caller)));
    expect(unknownRoles).toEqual([]);
  });

  describe('with two members', () => {
    beforeAll(async () => {
      await gateway.data(
        `mutation($i: RewardInput!) { upsertReward(input: $i) { __typename } }`,
        { i: { code: shared.rewardCode, name: '丝巾', pointsCost: 10, stock: 10, perMemberLimit: 5 } },
        admin,
      );
      [caller, other] = await Promise.all([memberWithBelongings('taobao'), memberWithBelongings('douyin')]);
      await gateway.data(
        `mutation($i: ExclusiveEventInput!) { createExclusiveEvent(input: $i) { code } }`,
        { i: { code: shared.eventCode, title: '会员私享会', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), seats: 10 } },
        admin,
      );
      await gateway.data(
        `mutation($i: BookEventInput!) { bookExclusiveEvent(input: $i) { __typename } }`,
        { i: { eventCode: shared.eventCode, memberId: other.memberId } },
        admin,
      );
      await gateway.data(
        `mutation($i: ExperimentInput!) { defineExperiment(input: $i) { __typename } }`,
        {
          i: {
            key: shared.key,
            name: '主图',
            variants: [
              { name: 'control', weight: 1 },
              { name: 'lifestyle', weight: 1 },
            ],
            metric: 'payment',
            baselineRate: 0.1,
            minimumDetectableEffect: 0.05,
          },
        },
        admin,
      );
    });

    it.each(matrix.roles)('refuses %s every root field the table does not give it, and lets it call every field it does', async (role) => {
      const wrong: string[] = [];
      await inBatches(roots, 6, async ({ kind, key, field }) => {
        const ids = role === 'member' ? caller : undefined;
        const response = await call(probeOperation(kind, field, ids, shared), asCaller(role));
        const code = accessCode(response, field.name);
        const allowed = table[key]?.includes(role) ?? false;
        const expected = allowed ? undefined : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (code !== expected)
          wrong.push(`${key}: expected ${expected ?? 'access'}, got ${code ?? 'access'} ${JSON.stringify(response.errors?.[0]?.message ?? '')}`);
      });
      expect(wrong).toEqual([]);
    });

    it('never lets a member read or change another member’s data through a field open to members', async () => {
      const before = await belongingsOf(other.memberId);
      const leaks: string[] = [];
      const memberFields = roots.filter((r) => table[r.key]?.includes('member'));
      // All of the other member's ids, then the caller's own member id with the other's accounts, conversation and coupon.
      const profiles: ProbeIds[] = [other, { ...other, memberId: caller.memberId }];
      for (const ids of profiles) {
        await inBatches(memberFields, 4, async ({ kind, key, field }) => {
          const op = probeOperation(kind, field, ids, shared);
          if (![...op.usedIds].some((key) => ids[key] !== caller[key])) return;
          const response = await call(op, asCaller('member'));
          if (accessCode(response, field.name) === 'FORBIDDEN') return;
          const answer = response.data?.[field.name];
          const refused =
            answer === null || answer === undefined || (typeof answer === 'object' && /Error$/.test(String((answer as { __typename?: string }).__typename)));
          if (!refused) leaks.push(`${key} with ${JSON.stringify(op.variables)} answered ${JSON.stringify(answer)}`);
        });
      }
      expect(leaks).toEqual([]);
      expect(await belongingsOf(other.memberId)).toEqual(before);
    });
  });

  /** A member from a marketplace order, with points (some spent, some on a reward under one key), a coupon, and a resolved conversation awaiting its survey. */
  async function memberWithBelongings(platform: 'taobao' | 'douyin'): Promise<ProbeIds> {
    const platformUserId = `mx_${platform}_${randomUUID().slice(0, 8)}`;
    await sendBuyerOrder(gateway, platform, 'order.paid', { platformUserId, phone: uniquePhone() }, { totalFen: 20000 });
    const { id: memberId } = await settledMember(gateway, platform, platformUserId);
    await gateway.data(
      `mutation($i: PointsChangeInput!) { grantPoints(input: $i) { __typename } }`,
      { i: { memberId, points: 500, reason: '测试', idempotencyKey: `mx-${memberId}` } },
      admin,
    );
    const idempotencyKey = `mx-order-${randomUUID().slice(0, 8)}`;
    const asMember = { role: 'member' as const, memberId };
    expect(
      (
        await gateway.data<{ spendPoints: { __typename: string } }>(
          `mutation($i: PointsChangeInput!) { spendPoints(input: $i) { __typename } }`,
          { i: { memberId, points: 20, reason: '积分抵现', idempotencyKey } },
          asMember,
        )
      ).spendPoints.__typename,
    ).toBe('PointsBalance');
    expect(
      (
        await gateway.data<{ redeemReward: { __typename: string } }>(
          `mutation($i: RedeemRewardInput!) { redeemReward(input: $i) { __typename } }`,
          { i: { memberId, rewardCode: shared.rewardCode, idempotencyKey } },
          asMember,
        )
      ).redeemReward.__typename,
    ).toBe('RewardRedemption');
    const template = uniqueCode('MX-COUPON');
    await gateway.data(
      `mutation($i: CouponTemplateInput!) { upsertCouponTemplate(input: $i) { code } }`,
      { i: { code: template, name: '无门槛 10 元', kind: 'AMOUNT_OFF', amountOffFen: 1000, validDays: 7 } },
      admin,
    );
    const issued = await gateway.data<{ issueCoupon: { code: string } }>(
      `mutation($i: IssueCouponInput!) { issueCoupon(input: $i) { ... on Coupon { code } } }`,
      { i: { memberId, templateCode: template } },
      admin,
    );
    const agent = uniqueCode('mx-agent').toLowerCase();
    await gateway.data(
      `mutation($i: AgentInput!) { upsertAgent(input: $i) { code } }`,
      { i: { code: agent, name: '客服', skills: ['after-sales'], capacity: 5 } },
      admin,
    );
    const opened = await gateway.data<{ openConversation: { id: string } }>(
      `mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }`,
      { i: { channel: 'email', contact: `${platformUserId}@example.com`, text: '请问什么时候发货', memberId } },
      admin,
    );
    const conversationId = opened.openConversation.id;
    await gateway.data(
      `mutation($c: ID!, $a: String!) { claimConversation(conversationId: $c, agentCode: $a) { __typename } }`,
      { c: conversationId, a: agent },
      admin,
    );
    await gateway.data(`mutation($c: ID!) { setConversationStatus(conversationId: $c, status: RESOLVED) { __typename } }`, { c: conversationId }, admin);
    return { memberId, platform, platformUserId, conversationId, couponCode: issued.issueCoupon.code, unitId: memberId, idempotencyKey };
  }

  /** What a member holds, straight from the databases. */
  async function belongingsOf(memberId: string): Promise<Record<string, unknown>> {
    const rows = async (sql: string) => (await db.query(sql, [memberId])).rows;
    return {
      member: await rows(
        `SELECT status, merged_into, nickname, phone_sealed, address_sealed, birthday_sealed, points_balance, points_pending, points_debt FROM membership.member WHERE id = $1`,
      ),
      identities: await rows(`SELECT platform, platform_user_id FROM membership.member_identity WHERE member_id = $1 ORDER BY platform, platform_user_id`),
      coupons: await rows(`SELECT code, status FROM membership.coupon WHERE member_id = $1 ORDER BY code`),
      bookings: await rows(`SELECT event_id, status FROM membership.event_booking WHERE member_id = $1 ORDER BY event_id`),
      consents: await rows(`SELECT channel, granted FROM membership.consent WHERE member_id = $1 ORDER BY channel`),
      redemptions: await rows(`SELECT count(*)::int AS n FROM membership.reward_redemption WHERE member_id = $1`),
      surveys: await rows(
        `SELECT s.csat, s.answered_at FROM customer_service.survey s JOIN customer_service.conversation c ON c.id = s.conversation_id WHERE c.member_id = $1`,
      ),
    };
  }
});

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}
