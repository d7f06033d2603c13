import 'reflect-metadata';
import { webhookSigningKey } from '@shopops/contracts';
import { createDataSource, PiiVault, type PlatformConfig } from '@shopops/platform';
import { devWebhookSecret, eventually, GatewayClient, orderData, postWebhook, signDelivery, testPool } from '@shopops/testing';
import type { DataSource } from 'typeorm';
import type { GatewayConfig } from '../gateway.config';
import { WebhookDeliveryStore } from './webhook-delivery-store';
import { WebhookIngestService } from './webhook-ingest.service';

/** Group commit against the suite's PostgreSQL: one statement per group, and no delivery failing its neighbours. */
describe('webhook group commit', () => {
  const gateway = new GatewayClient();
  const db = testPool({ max: 2 });
  const secret = devWebhookSecret('taobao');
  let dataSource: DataSource;
  let ingest: WebhookIngestService;

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.SHOPOPS_TEST_DATABASE_URL as string,
      schema: 'gateway',
      poolSize: 2,
      entities: [],
      migrations: [],
      applicationName: 'webhook-group-commit-spec',
    });
    await dataSource.initialize();
    const config = {
      webhookSources: new Map([['taobao', { keys: [webhookSigningKey(secret)] }]]),
      webhookToleranceSeconds: 300,
      webhookGroupMaxRows: 200,
      // Long enough that every delivery of a test lands in the same group.
      webhookGroupWaitMs: 50,
    } as unknown as GatewayConfig;
    const store = new WebhookDeliveryStore(dataSource, { service: { schema: 'gateway' } } as PlatformConfig);
    ingest = new WebhookIngestService(store, config, PiiVault.fromEnv({}));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.end();
  });

  const paid = (orderId: string) => JSON.stringify({ type: 'order.paid', occurredAt: '2026-11-11T00:00:03+08:00', data: orderData(orderId) });

  /** Deliveries and outbox events stored for each webhook id. */
  async function storedOf(ids: readonly string[]): Promise<Array<{ deliveries: number; events: number }>> {
    const { rows } = await db.query<{ wanted: string; deliveries: number; events: number }>(
      `SELECT wanted,
              (SELECT count(*)::int FROM gateway.webhook_delivery d WHERE d.source = 'taobao' AND d.webhook_id = wanted) AS deliveries,
              (SELECT count(*)::int FROM gateway.outbox o WHERE o.payload->>'deliveryId' = wanted) AS events
         FROM unnest($1::text[]) AS wanted`,
      [ids],
    );
    return ids.map((id) => {
      const row = rows.find((r) => r.wanted === id);
      return { deliveries: row?.deliveries ?? -1, events: row?.events ?? -1 };
    });
  }

  function submit(delivery: { id: string; body: string; headers: Record<string, string> }): Promise<number | string> {
    const headers = { id: delivery.id, timestamp: delivery.headers['webhook-timestamp'], signature: delivery.headers['webhook-signature'] };
    return ingest.ingest({ requestId: 'req-group-commit' }, 'taobao', headers, Buffer.from(delivery.body)).then(
      (answer) => answer.status,
      (error: Error) => error.message,
    );
  }

  it('stores each new delivery of a group once with one event, and answers repeats of an id, in the group or from before, as duplicates', async () => {
    const stamp = Date.now();
    const earlier = signDelivery(paid(`TB-GROUP-EARLIER-${stamp}`), { secret });
    expect(await submit(earlier)).toBe(202);

    const fresh = Array.from({ length: 4 }, (_, i) => signDelivery(paid(`TB-GROUP-${i}-${stamp}`), { secret }));
    const answers = await Promise.all([
      submit(fresh[0]),
      submit(earlier),
      submit(fresh[1]),
      submit(fresh[1]),
      submit(fresh[2]),
      submit(fresh[3]),
      submit(fresh[1]),
    ]);

    expect(answers).toEqual([202, 200, 202, 200, 202, 202, 200]);
    expect(await storedOf([earlier.id, ...fresh.map((d) => d.id)])).toEqual([earlier, ...fresh].map(() => ({ deliveries: 1, events: 1 })));
  });

  it('fails only the delivery PostgreSQL refuses; its neighbours in the same group are stored and answered 202', async () => {
    const stamp = Date.now();
    // A NUL cannot be stored in text; HTTP never lets one through in a header, so here it is the unforeseen failure.
    const deliveries = Array.from({ length: 4 }, (_, i) =>
      signDelivery(paid(`TB-GROUP-POISON-${i}-${stamp}`), { secret, id: `msg_poison_${i}_${stamp}${i === 2 ? '\u0000' : ''}` }),
    );
    const answers = await Promise.all(deliveries.map((d) => submit(d)));

    expect(answers[2]).toMatch(/invalid byte sequence|0x00/);
    expect([answers[0], answers[1], answers[3]]).toEqual([202, 202, 202]);
    expect(await storedOf([0, 1, 3].map((i) => deliveries[i].id))).toEqual([0, 1, 3].map(() => ({ deliveries: 1, events: 1 })));
    const refusedOrder = `TB-GROUP-POISON-2-${stamp}`;
    const { rows } = await db.query<{ deliveries: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM gateway.webhook_delivery WHERE strpos(body, $1) > 0) AS deliveries,
              (SELECT count(*)::int FROM gateway.outbox WHERE payload->>'orderId' = $1) AS events`,
      [refusedOrder],
    );
    expect(rows[0]).toEqual({ deliveries: 0, events: 0 });
  });

  it('over HTTP: the same delivery sent three times at once with others is accepted once, the repeats answered 200 {"duplicate":true}', async () => {
    const stamp = Date.now();
    const repeated = signDelivery(paid(`TB-GROUP-HTTP-REPEAT-${stamp}`), { secret });
    const others = Array.from({ length: 5 }, (_, i) => signDelivery(paid(`TB-GROUP-HTTP-${i}-${stamp}`), { secret }));
    const answers = await Promise.all([repeated, ...others, repeated, repeated].map((d) => postWebhook(gateway.baseUrl, 'taobao', d)));

    const repeats = [answers[0], answers[6], answers[7]];
    expect(repeats.map((a) => a.status).sort()).toEqual([200, 200, 202]);
    expect(repeats.filter((a) => a.status === 200).map((a) => a.body)).toEqual([{ duplicate: true }, { duplicate: true }]);
    expect(repeats.find((a) => a.status === 202)?.body).toEqual({ accepted: true, webhookId: repeated.id });
    expect(answers.slice(1, 6).map((a) => a.status)).toEqual(others.map(() => 202));
    expect(await storedOf([repeated.id, ...others.map((d) => d.id)])).toEqual([repeated, ...others].map(() => ({ deliveries: 1, events: 1 })));
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM analytics.channel_event WHERE subject = $1`, [`TB-GROUP-HTTP-REPEAT-${stamp}`])).rows[0].n,
      (n) => n === 1,
      { what: 'the repeated delivery in analytics, once' },
    );
  });
});
