import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { configSection, serviceConfigModule } from './service-config';

const SHOP = Symbol('SHOP');

@Injectable()
class ShopReader {
  constructor(
    @Inject(SHOP) readonly shop: { name: string },
    readonly configService: ConfigService,
  ) {}
}

describe('a service configuration module', () => {
  it('validates the environment through ConfigModule and injects each section by its token', async () => {
    const { module, config } = await serviceConfigModule('catalog', [configSection('shop', SHOP, () => ({ name: 'demo' }))], ['--print-schema']);
    expect(config.platform.role).toBe('schema');
    @Module({ imports: [module], providers: [ShopReader] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const reader = app.get(ShopReader);
    expect(reader.shop).toEqual({ name: 'demo' });
    expect(reader.configService.get('shop')).toBe(reader.shop);
    expect(reader.configService.get('platform')).toBe(config.platform);
    await app.close();
  });
});
