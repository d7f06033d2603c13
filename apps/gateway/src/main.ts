import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isApiRole, QueueRegistry, runService, type PlatformConfig } from '@shopops/platform';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG, GATEWAY_CONFIG_SECTIONS } from './gateway-config.module';
import { GatewayModule } from './gateway.module';
import { createEngine } from './graphql/create-engine';
import { GraphQLIde } from './graphql/graphql-ide';
import { mountGraphQL } from './graphql/graphql-route';
import { PAGE_ASSETS } from './pages/page-layout';
import { mountWebAssets } from './pages/web-assets';
import { mountQueueBoard } from './queues/queue-board';
import { sharedRateLimitStore } from './rate-limits/shared-rate-limit';

/** What is not a Nest controller: the federated GraphQL engine with its IDE, the pages' assets and the bull-board plugin. */
async function mountEdge(app: NestFastifyApplication, platform: PlatformConfig): Promise<void> {
  if (!isApiRole(platform.role)) return;
  const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();
  const engine = createEngine(config, platform.identitySecret);
  await engine.start();
  fastify.addHook('onClose', async () => engine.stop());
  const ide = new GraphQLIde(config);
  await mountWebAssets(fastify, [...PAGE_ASSETS, ...ide.assets]);
  await mountGraphQL(fastify, engine, config, sharedRateLimitStore(app.get(QueueRegistry)), ide);
  await mountQueueBoard(fastify, app.get(QueueRegistry), config.jwtSecret);
}

void runService({
  service: 'gateway',
  trustOnlyGateway: false,
  config: GATEWAY_CONFIG_SECTIONS,
  module: (config) => GatewayModule.forRoot(config),
  configure: mountEdge,
});
