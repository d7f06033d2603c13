import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerTokenOf } from '../auth/bearer-auth.guard';
import type { HealthService } from './health';
import { HttpRefusal } from './http-errors';
import type { Metrics } from './metrics';

/**
 * /health/live, /health/ready and /metrics on every process, api or worker. With a metrics token
 * (always in production), /metrics answers only `Authorization: Bearer <token>`.
 */
export function registerOperationalRoutes(fastify: FastifyInstance, health: HealthService, metrics: Metrics, service: string, metricsToken?: string): void {
  fastify.get('/health/live', async () => ({ status: 'ok', service }));
  fastify.get('/health/ready', async (_request, reply) => {
    const report = await health.readiness();
    return reply.code(report.status === 'ok' ? 200 : 503).send({ service, ...report });
  });
  fastify.get('/metrics', async (request, reply) => {
    if (metricsToken && !carriesToken(request, metricsToken)) {
      throw new HttpRefusal(401, 'metrics need Authorization: Bearer <METRICS_TOKEN>', [], { 'www-authenticate': 'Bearer' });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ service, method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}

function carriesToken(request: FastifyRequest, token: string): boolean {
  const given = bearerTokenOf(request) ?? '';
  // Digests have equal lengths, so the comparison takes the same time whatever was sent.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
