import { validatePlain } from '@shopops/contracts';
import { contextFor, DATABASE_UNAVAILABLE_ANSWER, isDatabaseUnavailable, requestContextOf, rootLogger, type RequestContext } from '@shopops/platform';
import type { ClassConstructor } from 'class-transformer';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate';
import { CreateEndpointBody, EndpointParams, MessagesQuery, ReplayBody, UpdateEndpointBody } from './endpoint.dto';
import { EndpointRefusal, PUBLIC_EVENT_TYPES, type EndpointsService } from './endpoints.service';

const MANAGERS = new Set(['admin', 'operator']);

class BadRequest extends Error {
  constructor(readonly details: string[]) {
    super('invalid request');
  }
}

function parse<T extends object>(cls: ClassConstructor<T>, value: unknown): T {
  const checked = validatePlain(cls, value ?? {});
  if (!checked.ok) throw new BadRequest(checked.problems.map((p) => p.message));
  return checked.value;
}

/**
 * REST for outbound webhook subscribers (admins and operators):
 *   GET    /webhook-endpoints/event-types
 *   POST   /webhook-endpoints                     {url, eventTypes, description?} → 201 with the secret, once
 *   GET    /webhook-endpoints, /webhook-endpoints/:id
 *   PATCH  /webhook-endpoints/:id                 {url?, eventTypes?, description?, status?: active|paused}
 *   DELETE /webhook-endpoints/:id                 disables it
 *   POST   /webhook-endpoints/:id/rotate-secret   → new secret; the old one signs too until the overlap ends
 *   GET    /webhook-endpoints/:id/messages?status=&limit=   messages with their attempt log
 *   POST   /webhook-endpoints/:id/replay          {messageId} or {from, to}
 */
export async function mountWebhookEndpoints(fastify: FastifyInstance, endpoints: EndpointsService, jwtSecret: string): Promise<void> {
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      try {
        const identity = authenticate(request.headers.authorization, jwtSecret);
        if (identity.role === 'anonymous') return reply.code(401).send({ error: 'a bearer token is required', details: [] });
        if (!MANAGERS.has(identity.role)) return reply.code(403).send({ error: `role ${identity.role} may not manage webhook endpoints`, details: [] });
        contextFor(request, identity);
      } catch (error) {
        if (error instanceof GraphQLError) return reply.code(401).send({ error: error.message, details: [] });
        throw error;
      }
    });
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply: FastifyReply) => {
      if (error instanceof BadRequest) return reply.code(400).send({ error: error.message, details: error.details });
      if (error instanceof EndpointRefusal) return reply.code(error.status).send({ error: error.message, details: error.details });
      if (isDatabaseUnavailable(error)) {
        return reply.code(DATABASE_UNAVAILABLE_ANSWER.status).headers(DATABASE_UNAVAILABLE_ANSWER.headers).send(DATABASE_UNAVAILABLE_ANSWER.body);
      }
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) rootLogger().error({ err: error, requestId: request.id, url: request.url }, 'webhook endpoint request failed');
      return reply.code(status).send({ error: status === 500 ? 'internal error' : error.message, details: [] });
    });
    const ctx = (request: FastifyRequest): RequestContext => requestContextOf(request) as RequestContext;
    type WithId = { Params: { id: string } };
    // A malformed id is the caller's mistake (400), never a failed uuid cast in the database.
    scope.addHook('preValidation', async (request) => {
      if ((request.params as { id?: unknown }).id !== undefined) parse(EndpointParams, request.params);
    });

    scope.get('/webhook-endpoints/event-types', async () => ({ eventTypes: PUBLIC_EVENT_TYPES }));
    scope.post('/webhook-endpoints', async (request, reply) => reply.code(201).send(await endpoints.create(ctx(request), parse(CreateEndpointBody, request.body))));
    scope.get('/webhook-endpoints', async () => ({ endpoints: await endpoints.list() }));
    scope.get<WithId>('/webhook-endpoints/:id', async (request) => endpoints.get(request.params.id));
    scope.patch<WithId>('/webhook-endpoints/:id', async (request) => endpoints.update(ctx(request), request.params.id, parse(UpdateEndpointBody, request.body)));
    scope.delete<WithId>('/webhook-endpoints/:id', async (request) => endpoints.disable(ctx(request), request.params.id));
    scope.post<WithId>('/webhook-endpoints/:id/rotate-secret', async (request) => endpoints.rotateSecret(ctx(request), request.params.id));
    scope.get<WithId>('/webhook-endpoints/:id/messages', async (request) => {
      const query = parse(MessagesQuery, request.query);
      return { messages: await endpoints.messages(request.params.id, query.status, Number(query.limit ?? 50) || 50) };
    });
    scope.post<WithId>('/webhook-endpoints/:id/replay', async (request) => endpoints.replay(ctx(request), request.params.id, parse(ReplayBody, request.body)));
  });
}
