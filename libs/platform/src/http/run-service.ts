import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { ServiceName } from '@shopops/contracts';
import { graphql } from 'graphql';
import { ConfigError } from '../config/environment-schema';
import type { PlatformConfig } from '../config/platform-config';
import { serviceConfigModule, type ConfigSection } from '../config/service-config';
import { sortedSdl } from '../graphql/sorted-sdl';
import { createRootLogger, PinoNestLogger } from '../logging/logger';
import { startTracing, tracesUrl } from '../tracing/tracing';
import { drainOnSignals } from './drain';
import { HealthService } from './health';
import { HttpErrorFilter, httpErrorAnswer, installOversizedBodyDrain, installPathSegmentLimit, sendHttpError } from './http-errors';
import { Metrics } from './metrics';
import { registerOperationalRoutes } from './operational-routes';
import { installGatewayIdentityCheck, installRequestLogScope, requestIdFrom } from './request-context.hook';
import { installRouteBodyOptions } from './route-body';

export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface ServiceBootstrap {
  readonly service: ServiceName;
  /** The service's own configuration, validated with the platform's before anything starts. */
  readonly config?: readonly ConfigSection[];
  readonly module: (config: PlatformConfig) => DynamicModule;
  /** Domain services accept only gateway-signed requests; the gateway authenticates clients itself. */
  readonly trustOnlyGateway?: boolean;
  /** Extra routes and hooks that are not Nest controllers (the gateway mounts GraphQL and the queue board here). */
  readonly configure?: (app: NestFastifyApplication, config: PlatformConfig) => Promise<void> | void;
}

/**
 * Starts one process of a service in its role (api, worker or all): Fastify, the Nest module,
 * probes and metrics, and a SIGTERM drain. `--print-schema` prints the subgraph SDL and exits.
 */
export async function runService(bootstrap: ServiceBootstrap): Promise<NestFastifyApplication | undefined> {
  const { module: configModule, config } = loadConfigOrExit(bootstrap);
  const logger = createRootLogger(config.service.name, config.role === 'schema' ? 'error' : config.logLevel);
  if (config.role !== 'schema' && (await startTracing(config.service.name, config.tracing))) {
    logger.info({ tracesUrl: tracesUrl(config.tracing), samplePercent: config.tracing.samplePercent }, 'exporting traces');
  }
  const adapter = new FastifyAdapter({
    logger: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(request.headers),
    bodyLimit: MAX_REQUEST_BYTES,
    forceCloseConnections: 'idle',
    // Requests that reach an open connection during the drain are answered, not refused.
    return503OnClosing: false,
    // A path that does not decode (`%ED%A0%80`, 400) or a parameter too long to route (414) is the caller's mistake, answered in our shape.
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => void sendHttpError(reply, httpErrorAnswer(error)),
  });
  const fastify = adapter.getInstance();
  installRequestLogScope(fastify);
  installPathSegmentLimit(fastify);
  installOversizedBodyDrain(fastify);
  installRouteBodyOptions(fastify);
  if (bootstrap.trustOnlyGateway ?? true) installGatewayIdentityCheck(fastify, config.identitySecret);

  const root: DynamicModule = { module: ServiceApplicationModule, imports: [configModule, bootstrap.module(config)] };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  if (config.role === 'schema') {
    await app.init();
    process.stdout.write(await subgraphSdl(app));
    await app.close();
    return undefined;
  }
  // Nest installs its error and not-found handlers at init; routes registered after it inherit them, so every route answers through one filter.
  app.useGlobalFilters(new HttpErrorFilter(fastify));
  await app.init();
  drainOnSignals(app, logger, config.shutdownTimeoutMs);
  registerOperationalRoutes(fastify, app.get(HealthService), app.get(Metrics), config.service.name, config.metricsToken);
  await bootstrap.configure?.(app, config);
  await app.listen({ port: config.port, host: config.host });
  logger.info({ role: config.role, port: config.port }, `${config.service.name} ${config.role} listening on :${config.port}`);
  return app;
}

@Module({})
class ServiceApplicationModule {}

/** Every bad value of the service's environment, reported at once before anything starts; exit code 1. */
function loadConfigOrExit(bootstrap: ServiceBootstrap): { module: DynamicModule; config: PlatformConfig } {
  try {
    const { module, config } = serviceConfigModule(bootstrap.service, bootstrap.config ?? [], process.env, process.argv);
    return { module, config: config.platform };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function subgraphSdl(app: NestFastifyApplication): Promise<string> {
  const { schema } = app.get(GraphQLSchemaHost);
  const result = await graphql({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: string } } | undefined)?._service?.sdl;
  if (!sdl) throw new Error(`could not print the subgraph schema: ${JSON.stringify(result.errors)}`);
  return sortedSdl(sdl);
}
