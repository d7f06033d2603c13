import { validatePlain, type Role } from '@shopops/contracts';
import { bearerGuard, HttpRefusal, requestContextOf, type RequestContext } from '@shopops/platform';
import type { ClassConstructor } from 'class-transformer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CreateEndpointBody, EndpointParams, MessagesQuery, ReplayBody, UpdateEndpointBody } from './endpoint.dto';
import { PUBLIC_EVENT_TYPES, type EndpointsService } from './endpoints.service';

const MANAGERS: readonly Role[] = ['admin', 'operator'];

function parse<T extends object>(cls: ClassConstructor<T>, value: unknown): T {
  const checked = validatePlain(cls, value ?? {});
  if (!checked.ok) throw new HttpRefusal(400, 'invalid request', checked.problems.map((p) => p.message));
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
    scope.addHook(
      'onRequest',
      bearerGuard({ jwtSecret, roles: MANAGERS, signIn: 'a bearer token is required', forbidden: 'only admins and operators may manage webhook endpoints' }),
    );
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
