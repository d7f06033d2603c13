import 'reflect-metadata';
import { webhookSigningKey } from '@shopops/contracts';
import { PiiVault, type UnitOfWork } from '@shopops/platform';
import { devWebhookSecret, orderData, signDelivery } from '@shopops/testing';
import type { GatewayConfig } from '../gateway.config';
import { WebhookIngestService } from './webhook-ingest.service';

/** A database that refuses any batch holding the given webhook id, as an unforeseen failure would. */
function databaseFailingOn(poisonId: string, batches: string[][]): UnitOfWork {
  const query = async (_sql: string, params: string[][]) => {
    batches.push(params[1]);
    if (params[1].includes(poisonId)) throw new Error('invalid byte sequence');
    return params[0].map((source, i) => ({ source, webhook_id: params[1][i] }));
  };
  const run = (_ctx: unknown, work: (tx: unknown) => Promise<unknown>) => work({ em: { query }, emit: () => undefined });
  return { run } as unknown as UnitOfWork;
}

describe('WebhookIngestService group commit', () => {
  const secret = devWebhookSecret('taobao');
  const config = {
    webhookSources: new Map([['taobao', { keys: [webhookSigningKey(secret)] }]]),
    webhookToleranceSeconds: 300,
  } as unknown as GatewayConfig;

  it('fails only the delivery the database refuses, never its neighbours in the same batch', async () => {
    const deliveries = ['A', 'B', 'C', 'D'].map((suffix) =>
      signDelivery(JSON.stringify({ type: 'order.paid', occurredAt: '2026-11-11T00:00:03+08:00', data: orderData(`TB-GC-${suffix}`) }), { secret }),
    );
    const batches: string[][] = [];
    const ingest = new WebhookIngestService(databaseFailingOn(deliveries[2].id, batches), config, PiiVault.fromEnv({}));
    const answers = await Promise.allSettled(
      deliveries.map((d) =>
        ingest.ingest(
          { requestId: 'req' },
          'taobao',
          { id: d.headers['webhook-id'], timestamp: d.headers['webhook-timestamp'], signature: d.headers['webhook-signature'] },
          Buffer.from(d.body),
        ),
      ),
    );
    expect(batches[0]).toEqual(deliveries.map((d) => d.id));
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value.status : 'failed'))).toEqual([202, 202, 'failed', 202]);
  });
});
