import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from './environment-schema';
import { configSection, serviceConfigModule } from './service-config';

const SHOP = Symbol('SHOP');

@Injectable()
class ShopReader {
  constructor(@Inject(SHOP) readonly shop: { name: string }) {}
}

describe('a service configuration module', () => {
  it('validates the given environment and injects each section by its token', async () => {
    const { module, config } = serviceConfigModule(
      'catalog',
      [configSection('shop', SHOP, (env) => ({ name: env.SHOP_NAME ?? 'demo' }))],
      { SHOP_NAME: 'aw26' },
      ['--print-schema'],
    );
    expect(config.platform.role).toBe('schema');
    @Module({ imports: [module], providers: [ShopReader] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    expect(app.get(ShopReader).shop).toEqual({ name: 'aw26' });
    expect(config.shop).toBe(app.get(ShopReader).shop);
    await app.close();
  });

  it('reads the environment it is given, not the process one: two services in one process keep their own ports', () => {
    const catalog = serviceConfigModule('catalog', [], { PORT: '4101' }).config.platform;
    const inventory = serviceConfigModule('inventory', [], { PORT: '4102' }).config.platform;
    expect([catalog.port, inventory.port]).toEqual([4101, 4102]);
  });

  it('reports every problem of the environment at once', () => {
    const load = () => serviceConfigModule('catalog', [], { PORT: 'eighty', WORKER_CONCURRENCY: '-1' });
    expect(load).toThrow(ConfigError);
    const problems = ((): readonly string[] => {
      try {
        load();
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(problems.map((problem) => problem.split('=')[0]).sort()).toEqual(['PORT', 'WORKER_CONCURRENCY']);
  });
});
