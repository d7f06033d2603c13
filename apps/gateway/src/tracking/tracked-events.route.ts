import rateLimit from '@fastify/rate-limit';
import { ROLES } from '@shopops/contracts';
import { bearerGuard, requestContextOf } from '@shopops/platform';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../gateway.config';
import type { SharedRateLimitStore } from '../rate-limits/shared-rate-limit';
import type { TrackedEventsService } from './tracked-events.service';

/** Room for 1,000 events with their properties. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** Clients are staff-issued tokens; a member's token is a shopper's, not a client's. */
const CLIENT_ROLES = ROLES.filter((role) => role !== 'member');

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
    scope.addHook(
      'onRequest',
      bearerGuard({ jwtSecret: config.jwtSecret, roles: CLIENT_ROLES, signIn: 'POST /events needs a client bearer token', forbidden: 'member tokens may not post events' }),
    );
    await scope.register(rateLimit, {
      ...rateLimitStore,
      hook: 'preParsing',
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // The client's subject, not its token: keys in a shared store must not hold credentials.
      keyGenerator: (request) => `events:${requestContextOf(request)?.identity.subject ?? request.ip}`,
    });
    scope.post('/events', { bodyLimit: MAX_BATCH_BYTES }, async (request, reply) => {
      const ctx = requestContextOf(request);
      if (!ctx) return reply.code(401).send({ error: 'not authenticated', details: [] });
      const answer = await tracking.accept(ctx, request.body);
      return reply.code(answer.status).send(answer.body);
    });
  });
}
