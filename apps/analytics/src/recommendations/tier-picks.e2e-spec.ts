import { randomUUID } from 'node:crypto';
import { eventQueueName, TierChanged } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { eventHandled, eventually, GatewayClient, orderData, sendWebhook, testPool, uniqueCode, webhookHandled } from '@shopops/testing';

/** Per-tier picks: what a tier's members buy most, and a buyer's picks from their tier minus what they have. */
describe('per-tier picks', () => {
  const gateway = new GatewayClient();
  const analyst = { role: 'analyst' as const };
  const db = testPool();
  const connection = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue(eventQueueName('analytics'), { connection, prefix: process.env.SHOPOPS_TEST_QUEUE_PREFIX });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await db.end();
  });

  const buy = async (user: string, skus: string[]) => {
    const data = orderData(`DY${uniqueCode('TP')}`, {
      buyer: { platformUserId: user },
      lines: skus.map((skuCode) => ({ skuCode, quantity: 1, unitPriceFen: 10000 })),
      totalFen: 10000 * skus.length,
    });
    const response = await sendWebhook(gateway.baseUrl, 'douyin', { type: 'order.paid', data });
    expect(response.status).toBe(202);
    await webhookHandled('analytics', response.body.webhookId as string);
  };
  /** The member membership created for a buyer, once analytics has heard of it. */
  const memberOf = (user: string) =>
    eventually(
      async () =>
        (await db.query<{ member_id: string }>(`SELECT member_id FROM analytics.member_account WHERE channel = 'douyin' AND platform_user_id = $1`, [user]))
          .rows[0],
      Boolean,
      { what: `the member of ${user} in analytics` },
    ).then((row) => row.member_id);
  /** membership's tier change, as its relay delivers it to analytics. */
  const tierChanged = async (memberId: string, toTier: string, occurredAt: string) => {
    const envelope = { id: randomUUID(), type: TierChanged.type, producer: 'membership', occurredAt, payload: { memberId, toTier, reason: 'spend' } };
    await queue.add(envelope.type, envelope, { jobId: envelope.id });
    await eventHandled('analytics', envelope.id);
  };
  const picks = async (query: string, variables: Record<string, unknown>, skus: string[]) =>
    (await gateway.data<Record<string, Array<{ skuCode: string; buyers: number; orders: number; buyerShare: number }>>>(query, variables, analyst))[
      query.includes('tierPicksForBuyer') ? 'tierPicksForBuyer' : 'picksForTier'
    ].filter((p) => skus.includes(p.skuCode));

  it('ranks the SKUs a tier’s members bought by how many of them bought it; a buyer’s picks skip what they have', async () => {
    const tier = `gold-${randomUUID().slice(0, 6)}`;
    const [s1, s2, s3, s4] = ['S1', 'S2', 'S3', 'S4'].map((s) => uniqueCode(`TP${s}`));
    const mine = [s1, s2, s3, s4];
    const [g1, g2, entry] = ['g1', 'g2', 'entry'].map((n) => `dy_tp_${n}_${randomUUID().slice(0, 6)}`);
    await buy(g1, [s1, s2]);
    await buy(g2, [s1]);
    await buy(g2, [s3]);
    await buy(entry, [s4]);
    const now = Date.now();
    await tierChanged(await memberOf(g1), tier, new Date(now).toISOString());
    await tierChanged(await memberOf(g2), tier, new Date(now).toISOString());
    // An older change delivered late does not take g2 out of the tier.
    await tierChanged(await memberOf(g2), 'silver', new Date(now - 60_000).toISOString());
    await memberOf(entry);

    const tierQuery = `query($t: String!) { picksForTier(tier: $t, first: 100) { skuCode buyers orders buyerShare } }`;
    expect(await picks(tierQuery, { t: tier }, mine)).toEqual(
      [
        { skuCode: s1, buyers: 2, orders: 2, buyerShare: 1 },
        { skuCode: s2, buyers: 1, orders: 1, buyerShare: 0.5 },
        { skuCode: s3, buyers: 1, orders: 1, buyerShare: 0.5 },
      ].sort((a, b) => b.buyers - a.buyers || (a.skuCode < b.skuCode ? -1 : 1)),
    );
    // A member membership never announced a tier for is in the entry tier (ANALYTICS_ENTRY_TIER, bronze).
    expect((await picks(tierQuery, { t: 'bronze' }, mine)).map((p) => p.skuCode)).toEqual([s4]);

    const buyerQuery = `query($u: String!) { tierPicksForBuyer(channel: "douyin", platformUserId: $u, first: 100) { skuCode buyers orders buyerShare } }`;
    expect((await picks(buyerQuery, { u: g2 }, mine)).map((p) => p.skuCode)).toEqual([s2]);
    expect((await picks(buyerQuery, { u: g1 }, mine)).map((p) => p.skuCode)).toEqual([s3]);
    expect(await picks(buyerQuery, { u: entry }, mine)).toEqual([]);
  });
});
