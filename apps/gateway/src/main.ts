import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isApiRole, QueueRegistry, runService, type PlatformConfig } from '@shopops/platform';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG, GATEWAY_CONFIG_SECTIONS } from './gateway-config.module';
import { GatewayModule } from './gateway.module';
import { createEngine } from './graphql/create-engine';
import { mountGraphQL } from './graphql/graphql-route';
import { EndpointsService } from './outbound/endpoints.service';
import { mountWebhookEndpoints } from './outbound/endpoints.route';
import { mountQueueBoard } from './queues/queue-board';
import { sharedRateLimitStore } from './rate-limits/shared-rate-limit';
import { mountReportPages } from './reports/report-pages';
import { mountTrackedEvents } from './tracking/tracked-events.route';
import { TrackedEventsService } from './tracking/tracked-events.service';
import { WebhookIngestService } from './webhooks/webhook-ingest.service';
import { mountWebhooks } from './webhooks/webhook-route';

async function mountEdge(app: NestFastifyApplication, platform: PlatformConfig): Promise<void> {
  if (!isApiRole(platform.role)) return;
  const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();
  const engine = createEngine(config, platform.identitySecret);
  await engine.start();
  fastify.addHook('onClose', async () => engine.stop());
  const rateLimitStore = sharedRateLimitStore(app.get(QueueRegistry));
  await mountGraphQL(fastify, engine, config, rateLimitStore);
  await mountWebhooks(fastify, app.get(WebhookIngestService));
  await mountTrackedEvents(fastify, app.get(TrackedEventsService), config, rateLimitStore);
  await mountQueueBoard(fastify, app.get(QueueRegistry), config.jwtSecret);
  await mountWebhookEndpoints(fastify, app.get(EndpointsService), config.jwtSecret);
  await mountReportPages(fastify);
}

void runService({
  service: 'gateway',
  trustOnlyGateway: false,
  config: GATEWAY_CONFIG_SECTIONS,
  module: (config) => GatewayModule.forRoot(config),
  configure: mountEdge,
});
