import { randomUUID } from 'node:crypto';
import { deadLetterQueueName, eventQueueName } from '@shopops/contracts';
import { loadPlatformConfig } from '../config/platform-config';
import { Metrics } from '../http/metrics';
import { QueueGauges } from './queue-gauges';
import { QueueRegistry } from './queue-registry';

describe('QueueGauges', () => {
  const config = loadPlatformConfig(
    'catalog',
    { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `gauges-${randomUUID()}` },
    [],
  );
  const queues = new QueueRegistry(config);
  const queue = queues.queue(eventQueueName('catalog'));
  const dead = queues.queue(deadLetterQueueName(eventQueueName('catalog')));
  afterAll(async () => {
    await Promise.all([queue.obliterate({ force: true }), dead.obliterate({ force: true })]);
    await queues.onApplicationShutdown();
  });

  it('reports what the queue holds when /metrics is read: depth by state, age of the oldest waiting job, dead letters', async () => {
    const metrics = new Metrics();
    const idle = await metrics.registry.metrics();
    expect(idle).toContain('# TYPE queue_jobs gauge');
    expect(idle).not.toMatch(/^queue_jobs\{/m);

    new QueueGauges(queues, metrics, config).onModuleInit();
    await queue.add('first', {}, { timestamp: Date.now() - 90_000 });
    await queue.add('second', {});
    await queue.add('later', {}, { delay: 60_000 });
    await dead.add('broken', {});

    const text = await metrics.registry.metrics();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
    expect(value(/^queue_jobs\{service="catalog",queue="catalog-events",state="waiting"\} (\S+)$/m)).toBe(2);
    expect(value(/^queue_jobs\{service="catalog",queue="catalog-events",state="delayed"\} (\S+)$/m)).toBe(1);
    expect(value(/^queue_dead_letters\{service="catalog",queue="catalog-events"\} (\S+)$/m)).toBe(1);
    const oldest = value(/^queue_oldest_waiting_seconds\{service="catalog",queue="catalog-events"\} (\S+)$/m);
    expect(oldest).toBeGreaterThanOrEqual(90);
    expect(oldest).toBeLessThan(120);
  });
});
