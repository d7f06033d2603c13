import type { FastifyInstance } from 'fastify';
import type { HealthService } from './health';
import type { Metrics } from './metrics';

/** /health/live, /health/ready and /metrics on every process, api or worker. */
export function registerOperationalRoutes(fastify: FastifyInstance, health: HealthService, metrics: Metrics, service: string): void {
  fastify.get('/health/live', async () => ({ status: 'ok', service }));
  fastify.get('/health/ready', async (_request, reply) => {
    const report = await health.readiness();
    return reply.code(report.status === 'ok' ? 200 : 503).send({ service, ...report });
  });
  fastify.get('/metrics', async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { service, method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
