import { randomUUID } from 'node:crypto';
import { deadLetterQueueName, eventQueueName } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { eventually, GatewayClient, runScheduleNow, sendBuyerOrder, sendWebhook, settledMember, testPool, uniquePhone } from '@shopops/testing';
import { graphql } from '@shopops/client';
import { expectTypename, typedGateway } from './typed-gateway';

const MemberContact = graphql(`
  query BuyerPrivacyMemberContact($id: ID!) {
    member(id: $id) {
      nickname
      phone
    }
  }
`);
graphql(`
  fragment BuyerPrivacyErasureReceipt on EraseMemberResult {
    __typename
    ... on ErasureReceipt {
      requestId
      notified
      complete
      confirmations {
        service
        status
      }
    }
  }
`);
const EraseMember = graphql(`
  mutation BuyerPrivacyEraseMember($id: ID!) {
    eraseMember(memberId: $id, reason: "会员申请注销") {
      ...BuyerPrivacyErasureReceipt
    }
  }
`);
const ErasureReceipt = graphql(`
  query BuyerPrivacyErasureReceipt($r: ID!) {
    erasureReceipt(requestId: $r) {
      ...BuyerPrivacyErasureReceipt
    }
  }
`);
const MemberNickname = graphql(`
  query BuyerPrivacyMemberNickname($id: ID!) {
    member(id: $id) {
      nickname
    }
  }
`);
const RenameMember = graphql(`
  mutation BuyerPrivacyRenameMember($i: MemberProfileInput!) {
    updateMemberProfile(input: $i) {
      __typename
    }
  }
`);

/**
 * A buyer's phone and nickname, sent by an integrator, are kept nowhere in clear: not in any
 * service's tables (outboxes included) nor in Redis. Erasing the member then leaves nothing that
 * names the buyer anywhere: phone, nickname or platform account.
 */
describe('buyer privacy across every store', () => {
  const gateway = new GatewayClient();
  const db = testPool({ max: 2 });
  const redis = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = process.env.SHOPOPS_TEST_QUEUE_PREFIX as string;
  afterAll(async () => {
    redis.disconnect();
    await db.end();
  });

  /** Every table of every service schema whose rows contain `needle` anywhere (any column, JSON included). */
  async function tablesContaining(needle: string): Promise<string[]> {
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public')`,
    );
    const hits: string[] = [];
    for (const { name } of tables) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} x WHERE strpos(x::text, $1) > 0`, [needle]);
      if (rows[0].n > 0) hits.push(`${name} (${rows[0].n})`);
    }
    return hits;
  }

  /** Every Redis key of this suite's queues whose value contains `needle`. */
  async function redisKeysContaining(needle: string): Promise<string[]> {
    const hits: string[] = [];
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'hash'
            ? JSON.stringify(await redis.hgetall(key))
            : type === 'string'
              ? await redis.get(key)
              : type === 'list'
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : type === 'zset'
                  ? JSON.stringify(await redis.zrange(key, 0, -1))
                  : type === 'stream'
                    ? JSON.stringify(await redis.xrange(key, '-', '+'))
                    : '';
        if (value?.includes(needle)) hits.push(key);
      }
    }
    return hits;
  }

  /** Waits until the events a service emitted (its outbox rows matching `where`) were handled by every consumer. */
  async function handledEverywhere(schema: 'gateway' | 'membership', where: string, params: unknown[]): Promise<void> {
    const ids = await eventually(
      async () =>
        (
          await db.query<{ event_id: string; job_id: string | null; published: boolean }>(
            `SELECT event_id, job_id, published_at IS NOT NULL AS published FROM ${schema}.outbox WHERE ${where}`,
            params,
          )
        ).rows,
      (rows) => rows.length > 0 && rows.every((r) => r.published),
      { what: `${schema} events published`, timeoutMs: 30_000 },
    );
    // Each event travels in its batch's job, one per consumer queue.
    for (const { event_id: id, job_id: jobId } of ids) {
      await eventually(
        async () => {
          const keys = await redis.keys(`${prefix}:*-events:${jobId}`);
          return { keys: keys.length, finished: (await Promise.all(keys.map((k) => redis.hget(k, 'finishedOn')))).filter(Boolean).length };
        },
        (jobs) => jobs.keys > 0 && jobs.finished === jobs.keys,
        { what: `every consumer of ${schema} event ${id} done`, timeoutMs: 30_000 },
      );
    }
  }

  /** A dead letter in a service's queue, as left by an event that failed for good; returns a reader of its data. */
  async function deadLetterNaming(
    service: 'analytics' | 'membership' | 'inventory' | 'customer-service',
    platformUserId: string,
  ): Promise<() => Promise<string>> {
    const connection = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const queue = new Queue(deadLetterQueueName(eventQueueName(service)), { connection, prefix });
    const jobId = randomUUID();
    const envelope = {
      id: jobId,
      type: 'channel.order.paid.v1',
      producer: 'gateway',
      occurredAt: new Date().toISOString(),
      payload: { channel: 'taobao', buyer: { platformUserId } },
    };
    try {
      await queue.add(
        'channel.order.paid.v1',
        {
          queue: eventQueueName(service),
          jobId,
          jobName: 'channel.order.paid.v1',
          data: envelope,
          reason: 'test',
          attemptsMade: 8,
          failedAt: new Date().toISOString(),
        },
        { jobId },
      );
    } finally {
      await queue.close();
      connection.disconnect();
    }
    return async () => (await redis.hget(`${prefix}:${deadLetterQueueName(eventQueueName(service))}:${jobId}`, 'data')) as string;
  }

  it('keeps phone and nickname sealed or left out everywhere, and erasure removes every trace of the buyer', async () => {
    const phone = uniquePhone();
    const nickname = `隐私${randomUUID().slice(0, 6)}`;
    const platformUserId = `tb_priv_${randomUUID().slice(0, 8)}`;
    const buyer = { platformUserId, phone, nickname };
    const { orderId } = await sendBuyerOrder(gateway, 'taobao', 'order.paid', buyer);
    const chat = await sendWebhook(gateway.baseUrl, 'taobao', {
      type: 'message.received',
      data: { conversationId: `conv-${randomUUID().slice(0, 8)}`, buyer, text: '请问什么时候发货？', at: new Date().toISOString() },
    });
    expect(chat.status).toBe(202);
    const review = await sendWebhook(gateway.baseUrl, 'taobao', {
      type: 'review.created',
      data: {
        reviewId: `rv-${randomUUID().slice(0, 8)}`,
        orderId,
        skuCode: 'LX-DRESS-001-BLK-M',
        buyer,
        rating: 5,
        text: '很合身',
        images: [],
        createdAt: new Date().toISOString(),
      },
    });
    expect(review.status).toBe(202);

    const member = await settledMember(gateway, 'taobao', platformUserId);
    await handledEverywhere('gateway', `payload -> 'buyer' ->> 'platformUserId' = $1`, [platformUserId]);
    await handledEverywhere('membership', `payload ->> 'memberId' = $1`, [member.id]);
    // Sealed, not lost: membership opens what the gateway sealed.
    const shown = await typedGateway(gateway, 'cs_agent').request(MemberContact, { id: member.id });
    expect(shown.member).toEqual({ nickname, phone });

    for (const needle of [phone, nickname]) {
      expect({ needle, tables: await tablesContaining(needle), redis: await redisKeysContaining(needle) }).toEqual({ needle, tables: [], redis: [] });
    }

    const deadLetters = await Promise.all(
      (['analytics', 'membership', 'inventory', 'customer-service'] as const).map((service) => deadLetterNaming(service, platformUserId)),
    );

    // Analytics keeps of the buyer the account id only, not even the sealed values.
    const stored = await db.query(
      `SELECT DISTINCT payload -> 'buyer' AS buyer FROM analytics.channel_event WHERE payload -> 'buyer' ->> 'platformUserId' = $1`,
      [platformUserId],
    );
    expect(stored.rows).toEqual([{ buyer: { platformUserId } }]);

    const admin = typedGateway(gateway, 'admin');
    const erased = expectTypename((await admin.request(EraseMember, { id: member.id })).eraseMember, 'ErasureReceipt');
    const services = ['analytics', 'customer-service', 'gateway', 'inventory'];
    expect([...erased.notified].sort()).toEqual(services);
    // Answered before any service has acted: every one pending.
    expect(erased.complete).toBe(false);
    expect(erased.confirmations.map((c) => c.status)).toEqual(services.map(() => 'PENDING'));
    // Each service confirms once it has erased what it holds (its confirmation commits with the erasure).
    const confirmed = await eventually(
      async () => (await admin.request(ErasureReceipt, { r: erased.requestId })).erasureReceipt,
      (receipt) => receipt.__typename === 'ErasureReceipt' && receipt.complete,
      { what: 'every service to confirm the erasure', timeoutMs: 30_000 },
    );
    const receipt = expectTypename(confirmed, 'ErasureReceipt');
    expect(receipt.confirmations.map((c) => c.service).sort()).toEqual(services);
    expect(receipt.confirmations.every((c) => c.status === 'CONFIRMED')).toBe(true);

    for (const needle of [phone, nickname, platformUserId]) {
      expect({ needle, tables: await tablesContaining(needle), redis: await redisKeysContaining(needle) }).toEqual({ needle, tables: [], redis: [] });
    }
    // The dead letters are still there to replay, naming a pseudonym.
    for (const letter of deadLetters) expect(JSON.parse(await letter()).data.payload.buyer.platformUserId).toMatch(/^erased:/);
  });

  it('reduces stored webhook bodies past the retention period to type and order id, keeping the row for duplicates', async () => {
    const body = (orderId: string) =>
      JSON.stringify({
        type: 'order.paid',
        occurredAt: '2026-10-01T10:00:00+08:00',
        data: { orderId, buyer: { platformUserId: `tb_old_${orderId}` }, text: 'x' },
      });
    const [old, recent] = [`TB-RET-OLD-${randomUUID().slice(0, 8)}`, `TB-RET-NEW-${randomUUID().slice(0, 8)}`];
    await db.query(
      `INSERT INTO gateway.webhook_delivery (source, webhook_id, type, occurred_at, body, buyer_ref, received_at) VALUES
         ('taobao', $1, 'order.paid', now(), $2, 'ref-old', now() - interval '31 days'), ('taobao', $3, 'order.paid', now(), $4, 'ref-new', now() - interval '29 days')`,
      [old, body(old), recent, body(recent)],
    );
    await runScheduleNow('gateway', 'gateway.webhook-body-retention');
    const { rows } = await db.query(
      `SELECT webhook_id, body, buyer_ref FROM gateway.webhook_delivery WHERE webhook_id = ANY($1::text[]) ORDER BY received_at`,
      [[old, recent]],
    );
    expect(rows.map((r) => ({ webhookId: r.webhook_id, body: JSON.parse(r.body), buyerRef: r.buyer_ref }))).toEqual([
      { webhookId: old, body: { type: 'order.paid', occurredAt: '2026-10-01T10:00:00+08:00', redacted: 'retention', data: { orderId: old } }, buyerRef: null },
      { webhookId: recent, body: JSON.parse(body(recent)), buyerRef: 'ref-new' },
    ]);
  });

  it('seals the nicknames membership stored in clear before, in its daily re-sealing, and those set on the profile', async () => {
    const nickname = `旧昵称${randomUUID().slice(0, 6)}`;
    const { rows } = await db.query<{ id: string }>(`INSERT INTO membership.member (nickname) VALUES ($1) RETURNING id`, [nickname]);
    await runScheduleNow('membership', 'membership.pii-key-rotation');
    const stored = await db.query(`SELECT nickname, nickname_sealed FROM membership.member WHERE id = $1`, [rows[0].id]);
    expect(stored.rows).toEqual([{ nickname: null, nickname_sealed: expect.stringMatching(/^dev1:/) }]);
    expect(await tablesContaining(nickname)).toEqual([]);
    const nicknameOf = async () => (await typedGateway(gateway, 'operator').request(MemberNickname, { id: rows[0].id })).member?.nickname;
    expect(await nicknameOf()).toBe(nickname);

    const renamed = `新昵称${randomUUID().slice(0, 6)}`;
    await typedGateway(gateway, 'cs_agent').request(RenameMember, { i: { memberId: rows[0].id, nickname: renamed } });
    expect(await nicknameOf()).toBe(renamed);
    expect(await tablesContaining(renamed)).toEqual([]);
  });
});
