import rateLimit from '@fastify/rate-limit';
import { contextFor, requestContextOf } from '@shopops/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildASTSchema, GraphQLError, parse } from 'graphql';
import { authenticate } from '../auth/authenticate';
import type { GatewayConfig } from '../gateway.config';
import type { SharedRateLimitStore } from '../rate-limits/shared-rate-limit';
import { readSupergraph } from './create-engine';
import type { GatewayEngine } from './gateway-engine';
import type { GraphQLIde } from './graphql-ide';
import { OperationLimiter } from './operation-limits';

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * /graphql on the gateway: rate limit per caller, authenticate, check size, depth, cost and
 * introspection, then hand the request to the engine. Failures here answer in GraphQL's error shape.
 * A browser opening /graphql gets the IDE page instead, before any of that.
 */
export async function mountGraphQL(
  fastify: FastifyInstance,
  engine: GatewayEngine,
  config: GatewayConfig,
  rateLimitStore: SharedRateLimitStore,
  ide: GraphQLIde,
): Promise<void> {
  const limiter = new OperationLimiter(buildASTSchema(parse(readSupergraph(config.supergraphPath)), { assumeValidSDL: true }), config);
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', ide.hook);
    scope.addHook('onRequest', async (request, reply) => {
      try {
        const identity = authenticate(request, config.jwtSecret);
        contextFor(request, identity);
      } catch (error) {
        if (error instanceof GraphQLError) return sendGraphQLError(reply, error, 401);
        throw error;
      }
    });
    await scope.register(rateLimit, {
      ...rateLimitStore,
      // After authentication, so the limit is per signed-in caller (per address for anonymous ones).
      hook: 'preParsing',
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => {
        const identity = requestContextOf(request)?.identity;
        return identity && identity.role !== 'anonymous' ? `sub:${identity.subject}` : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, context) =>
        graphQLErrorBody('RATE_LIMITED', `Rate limit of ${context.max} requests a minute exceeded; retry after ${context.after}`, 429),
    });
    scope.addHook('preHandler', async (request, reply) => {
      if (request.method === 'OPTIONS') return;
      const body = (request.method === 'GET' ? request.query : request.body) as GraphQLBody | undefined;
      const violation = checkRequest(limiter, body, requestContextOf(request)?.isStaff ?? false);
      if (violation) return sendGraphQLError(reply, violation, violation.extensions.code === 'FORBIDDEN' ? 403 : 400);
    });
    scope.route({
      url: '/graphql',
      method: ['GET', 'POST', 'OPTIONS'],
      handler: (request: FastifyRequest, reply: FastifyReply) => engine.handle(request, reply),
    });
  });
}

/** Nothing reaches the engine unchecked: a request without query text (a batch, a bare persisted-query hash) is refused. */
function checkRequest(limiter: OperationLimiter, body: GraphQLBody | undefined, mayIntrospect: boolean): GraphQLError | undefined {
  if (!body || typeof body.query !== 'string') {
    return new GraphQLError('The request must carry the query text in "query"', { extensions: { code: 'BAD_USER_INPUT', fields: ['query'] } });
  }
  const variables = typeof body.variables === 'string' ? safeJson(body.variables) : body.variables;
  return limiter.check({
    query: body.query,
    mayIntrospect,
    ...(typeof body.operationName === 'string' && body.operationName !== '' ? { operationName: body.operationName } : {}),
    ...(variables && typeof variables === 'object' ? { variables: variables as Record<string, unknown> } : {}),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function graphQLErrorBody(code: string, message: string, status: number): { statusCode: number; errors: unknown[] } {
  return { statusCode: status, errors: [{ message, extensions: { code } }] };
}

function sendGraphQLError(reply: FastifyReply, error: GraphQLError, status: number): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send({ errors: [{ message: error.message, extensions: error.extensions }] });
}
