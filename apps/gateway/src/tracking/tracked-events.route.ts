import rateLimit from '@fastify/rate-limit';
import { contextFor, DATABASE_UNAVAILABLE_ANSWER, isDatabaseUnavailable, requestContextOf, unauthenticated } from '@shopops/platform';
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate';
import type { GatewayConfig } from '../gateway.config';
import type { SharedRateLimitStore } from '../rate-limits/shared-rate-limit';
import type { TrackedEventsService } from './tracked-events.service';

/** Room for 1,000 events with their properties. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * POST /events: a signed-in client (any staff-issued token; the token's subject is the client
 * id) posts up to 1,000 behaviour events. Refusals answer `{"error", "details"}`.
 */
export async function mountTrackedEvents(
  fastify: FastifyInstance,
  tracking: TrackedEventsService,
  config: GatewayConfig,
  rateLimitStore: SharedRateLimitStore,
): Promise<void> {
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      try {
        const identity = authenticate(request.headers.authorization, config.jwtSecret);
        if (identity.role === 'anonymous') throw unauthenticated('POST /events needs a client bearer token');
        if (identity.role === 'member') return reply.code(403).send({ error: 'member tokens may not post events', details: [] });
        contextFor(request, identity);
      } catch (error) {
        if (error instanceof GraphQLError) return reply.code(401).send({ error: error.message, details: [] });
        throw error;
      }
    });
    await scope.register(rateLimit, {
      ...rateLimitStore,
      hook: 'preParsing',
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // The client's subject, not its token: keys in a shared store must not hold credentials.
      keyGenerator: (request) => `events:${requestContextOf(request)?.identity.subject ?? request.ip}`,
    });
    scope.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
      if (isDatabaseUnavailable(error)) {
        return reply.code(DATABASE_UNAVAILABLE_ANSWER.status).headers(DATABASE_UNAVAILABLE_ANSWER.headers).send(DATABASE_UNAVAILABLE_ANSWER.body);
      }
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      return reply.code(status).send({ error: status === 500 ? 'internal error' : error.message, details: [] });
    });
    scope.post('/events', { bodyLimit: MAX_BATCH_BYTES }, async (request, reply) => {
      const ctx = requestContextOf(request);
      if (!ctx) return reply.code(401).send({ error: 'not authenticated', details: [] });
      const answer = await tracking.accept(ctx, request.body);
      return reply.code(answer.status).send(answer.body);
    });
  });
}
