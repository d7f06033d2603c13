import 'reflect-metadata';
import { webhookSigningKey } from '@shopops/contracts';
import { PiiVault } from '@shopops/platform';
import { devWebhookSecret, orderData, signDelivery } from '@shopops/testing';
import type { GatewayConfig } from '../gateway.config';
import type { AcceptedDelivery, StoreOutcome, WebhookDeliveryStore } from './webhook-delivery-store';
import { WebhookIngestService } from './webhook-ingest.service';

/** A store that refuses any group holding `poisonId` with `failure`, recording the ids of each group it was given. */
function storeFailingOn(poisonId: string, failure: Error, groups: string[][]): WebhookDeliveryStore {
  const storeGroup = async (deliveries: readonly AcceptedDelivery[]): Promise<StoreOutcome[]> => {
    const ids = deliveries.map((d) => d.webhookId);
    groups.push(ids);
    if (ids.includes(poisonId)) throw failure;
    return ids.map(() => 'stored');
  };
  return { storeGroup } as unknown as WebhookDeliveryStore;
}

describe('WebhookIngestService group commit', () => {
  const secret = devWebhookSecret('taobao');
  const config = {
    webhookSources: new Map([['taobao', { keys: [webhookSigningKey(secret)] }]]),
    webhookToleranceSeconds: 300,
    webhookGroupMaxRows: 200,
    webhookGroupWaitMs: 0,
  } as unknown as GatewayConfig;
  const deliveries = ['A', 'B', 'C', 'D'].map((suffix) =>
    signDelivery(JSON.stringify({ type: 'order.paid', occurredAt: '2026-11-11T00:00:03+08:00', data: orderData(`TB-GC-${suffix}`) }), { secret }),
  );

  async function ingestAll(service: WebhookIngestService): Promise<Array<number | string>> {
    const answers = await Promise.allSettled(
      deliveries.map((d) =>
        service.ingest(
          { requestId: 'req' },
          'taobao',
          { id: d.headers['webhook-id'], timestamp: d.headers['webhook-timestamp'], signature: d.headers['webhook-signature'] },
          Buffer.from(d.body),
        ),
      ),
    );
    return answers.map((a) => (a.status === 'fulfilled' ? a.value.status : a.reason.message));
  }

  it('fails only the delivery the database refuses, never its neighbours in the same group', async () => {
    const groups: string[][] = [];
    const ingest = new WebhookIngestService(storeFailingOn(deliveries[2].id, new Error('invalid byte sequence'), groups), config, PiiVault.fromEnv({}));
    expect(await ingestAll(ingest)).toEqual([202, 202, 'invalid byte sequence', 202]);
    expect(groups[0]).toEqual(deliveries.map((d) => d.id));
    expect(groups.slice(1)).toEqual(deliveries.map((d) => [d.id]));
  });

  it('answers no delivery of a group 202 when the database is unreachable, and does not retry them one by one', async () => {
    const groups: string[][] = [];
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const ingest = new WebhookIngestService(storeFailingOn(deliveries[0].id, unreachable, groups), config, PiiVault.fromEnv({}));
    expect(await ingestAll(ingest)).toEqual(deliveries.map(() => unreachable.message));
    expect(groups).toEqual([deliveries.map((d) => d.id)]);
  });

  it('takes at most WEBHOOK_GROUP_MAX_ROWS deliveries in one group', async () => {
    const groups: string[][] = [];
    const ingest = new WebhookIngestService(storeFailingOn('none', new Error('unused'), groups), { ...config, webhookGroupMaxRows: 3 }, PiiVault.fromEnv({}));
    expect(await ingestAll(ingest)).toEqual([202, 202, 202, 202]);
    expect(groups.map((g) => g.length)).toEqual([3, 1]);
  });
});
