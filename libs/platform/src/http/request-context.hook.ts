import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IDENTITY_HEADER, verifyForwardedIdentity } from '../auth/forwarded-identity';
import { logScope, RequestContext, type Identity } from '../context/request-context';
import { HttpRefusal, httpErrorAnswer, sendHttpError } from './http-errors';

const CONTEXT = Symbol('shopops.requestContext');
type WithContext = { [CONTEXT]?: RequestContext };

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a caller's `x-request-id` when it is sane, so one id follows the work everywhere. */
export function requestIdFrom(headers: Record<string, string | string[] | undefined>): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function requestContextOf(request: unknown): RequestContext | undefined {
  return (request as WithContext | undefined)?.[CONTEXT];
}

export function attachRequestContext(request: FastifyRequest, context: RequestContext): void {
  (request as unknown as WithContext)[CONTEXT] = context;
}

/** Paths that skip the gateway identity: probes, and the metrics scrape (which checks its own token). */
export function isOperationalPath(url: string): boolean {
  return url.startsWith('/health/') || url === '/metrics';
}

const SCOPE = Symbol('shopops.logScope');
type WithScope = { [SCOPE]?: { sqlStatements?: number } };

/**
 * Puts the request id in the log scope of everything the request does, and answers with the
 * number of SQL statements it took (`x-sql-statements`), so N+1 patterns are visible per request.
 */
export function installRequestLogScope(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const scope = { requestId: request.id, sqlStatements: 0 };
    (request as unknown as WithScope)[SCOPE] = scope;
    logScope.enterWith(scope);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const scope = (request as unknown as WithScope)[SCOPE];
    if (scope?.sqlStatements !== undefined) void reply.header('x-sql-statements', String(scope.sqlStatements));
    done(null, payload);
  });
}

/**
 * Subgraphs trust only the gateway: every request other than probes must carry the identity
 * the gateway signed, or it is refused before it reaches a resolver.
 */
export function installGatewayIdentityCheck(fastify: FastifyInstance, secret: string): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (isOperationalPath(request.url)) return done();
    const identity = verifyForwardedIdentity(request.headers[IDENTITY_HEADER], secret);
    if (!identity) return refuseUnsigned(request, reply);
    attachRequestContext(request, new RequestContext(request.id, identity));
    done();
  });
}

function refuseUnsigned(request: FastifyRequest, reply: FastifyReply): void {
  const message = 'This service accepts requests only through the gateway';
  if (!request.url.startsWith('/graphql')) return void sendHttpError(reply, httpErrorAnswer(new HttpRefusal(401, message)));
  void reply
    .code(401)
    .type('application/json')
    .send({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

export function contextFor(request: FastifyRequest, identity: Identity): RequestContext {
  const context = new RequestContext(request.id, identity);
  attachRequestContext(request, context);
  return context;
}
