import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IDENTITY_HEADER, verifyForwardedIdentity } from '../auth/forwarded-identity';
import { logScope, RequestContext, type Identity, type LogScope } from '../context/request-context';
import { endSpan, logIdsOf, SpanKind, startSpan, traceparentOf, tracingEnabled } from '../tracing/tracing';
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
type WithScope = { [SCOPE]?: LogScope };

const SPAN = Symbol('shopops.requestSpan');
type RequestSpan = NonNullable<ReturnType<typeof startSpan>>;
type WithSpan = { [SPAN]?: { span: RequestSpan; traceparent: string } };

/** The W3C traceparent of the request's server span (undefined while tracing is off): what its work and outgoing calls continue. */
export function requestTraceparent(request: unknown): string | undefined {
  return (request as WithSpan | undefined)?.[SPAN]?.traceparent;
}

/**
 * Puts the request id in the log scope of everything the request does, and answers with the
 * number of SQL statements it took (`x-sql-statements`), so N+1 patterns are visible per request.
 * While tracing is on (startTracing ran first), the request also gets a server span, child of
 * the caller's `traceparent`, whose ids its logs carry.
 */
export function installRequestLogScope(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const scope: LogScope = { requestId: request.id, sqlStatements: 0 };
    (request as unknown as WithScope)[SCOPE] = scope;
    if (tracingEnabled() && !isOperationalPath(request.url)) startRequestSpan(request, scope);
    logScope.enterWith(scope);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const scope = (request as unknown as WithScope)[SCOPE];
    if (scope?.sqlStatements !== undefined) void reply.header('x-sql-statements', String(scope.sqlStatements));
    done(null, payload);
  });
  // Off, the request pays no extra hook at all.
  if (!tracingEnabled()) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const traced = (request as unknown as WithSpan)[SPAN];
    if (traced) {
      traced.span.setAttribute('http.response.status_code', reply.statusCode);
      endSpan(traced.span, reply.statusCode >= 500 ? `HTTP ${reply.statusCode}` : undefined);
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    endSpan((request as unknown as WithSpan)[SPAN]?.span, 'request aborted');
    done();
  });
}

function startRequestSpan(request: FastifyRequest, scope: LogScope): void {
  const route = request.routeOptions.url ?? 'unmatched route';
  const incoming = request.headers.traceparent;
  const span = startSpan(`${request.method} ${route}`, typeof incoming === 'string' ? incoming : undefined, {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': request.method, 'http.route': route, 'url.path': request.url.split('?')[0], 'shopops.request_id': request.id },
  });
  if (!span) return;
  (request as unknown as WithSpan)[SPAN] = { span, traceparent: traceparentOf(span) };
  Object.assign(scope, logIdsOf(span));
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
    attachRequestContext(request, new RequestContext(request.id, identity, requestTraceparent(request)));
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
  const context = new RequestContext(request.id, identity, requestTraceparent(request));
  attachRequestContext(request, context);
  return context;
}
