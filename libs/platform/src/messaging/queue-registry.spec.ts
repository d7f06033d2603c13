import { once } from 'node:events';
import { loadPlatformConfig } from '../config/platform-config';
import { QueueRegistry } from './queue-registry';

describe('QueueRegistry', () => {
  const registry = new QueueRegistry(loadPlatformConfig('catalog', { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' }, []));
  afterAll(() => registry.onApplicationShutdown());

  it('shares one connection with one error listener however often readiness asks for it', async () => {
    if (registry.redis().status !== 'ready') await once(registry.redis(), 'ready');
    for (let probe = 0; probe < 500; probe++) expect(await registry.redis().ping()).toBe('PONG');
    expect(registry.redis().listenerCount('error')).toBe(1);
  });
});
