import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { GraphQLError } from 'graphql';
import { DATABASE_UNAVAILABLE_ANSWER, isDatabaseUnavailable } from '../database/database-unavailable';
import { rootLogger } from '../logging/logger';

/** One reason of a refusal: a sentence, or a code with its message where the client switches on codes. */
export type HttpErrorDetail = string | { readonly code: string; readonly message: string };

/** A refusal a route throws on purpose: its status, a message a person can act on, and the reasons. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: readonly HttpErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface HttpErrorAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** The longest path segment any route takes (Fastify's default for route parameters). */
export const MAX_PATH_SEGMENT_LENGTH = 100;
const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function answer(status: number, error: string, details: readonly HttpErrorDetail[] = [], headers: Record<string, string> = {}): HttpErrorAnswer {
  return { status, headers, body: { error, details } };
}

interface FrameworkError {
  statusCode?: unknown;
  status?: unknown;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** Every failure of an HTTP request as the answer the client gets; only unexpected ones are 5xx. */
export function httpErrorAnswer(error: unknown): HttpErrorAnswer {
  if (error instanceof HttpRefusal) return answer(error.status, error.message, error.details, error.headers);
  if (isDatabaseUnavailable(error)) return { ...DATABASE_UNAVAILABLE_ANSWER, headers: { ...DATABASE_UNAVAILABLE_ANSWER.headers } };
  if (error instanceof HttpException && error.getStatus() < 500) return answer(error.getStatus(), headlineOf(error), detailsOf(error.getResponse()));
  if (error instanceof GraphQLError) return platformErrorAnswer(error);
  const framework = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError;
  const status = Number(framework.statusCode ?? framework.status);
  if (status >= 400 && status < 500) {
    // A GraphQL-shaped refusal (the gateway's rate limit) keeps GraphQL's error format.
    if (Array.isArray(framework.errors)) return { status, headers: {}, body: { errors: framework.errors } };
    return answer(
      status,
      typeof framework.message === 'string' ? framework.message : 'bad request',
      typeof framework.code === 'string' ? [framework.code] : [],
    );
  }
  return answer(500, 'internal error');
}

/** The platform's guards and validation throw GraphQL-coded errors; on a route they are the same refusals. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

function platformErrorAnswer(error: GraphQLError): HttpErrorAnswer {
  const status = STATUS_BY_CODE[String(error.extensions.code)];
  if (status === undefined) return answer(500, 'internal error');
  const problems = error.extensions.problems;
  if (status === 400 && Array.isArray(problems))
    return answer(
      400,
      'invalid request',
      problems.map((p: { message?: unknown }) => String(p.message)),
    );
  return answer(status, error.message);
}

/** The ValidationPipe puts its reasons in `message` and a headline in `error` ("Bad Request"). */
function headlineOf(error: HttpException): string {
  const response = error.getResponse();
  const headline = typeof response === 'object' ? (response as { error?: unknown }).error : undefined;
  return detailsOf(response).length > 0 && typeof headline === 'string' ? headline : error.message;
}

function detailsOf(response: string | object): string[] {
  const message = typeof response === 'object' ? (response as { message?: unknown }).message : undefined;
  return Array.isArray(message) ? message.map(String) : [];
}

/**
 * Refuses a path with an over-long segment (414) before routing matters: otherwise a long
 * parameter would be a 404 on one route and a validation error on the next.
 */
export function installPathSegmentLimit(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const longest = Math.max(
      ...request.url
        .split('?')[0]
        .split('/')
        .map((segment) => segment.length),
    );
    if (longest <= MAX_PATH_SEGMENT_LENGTH) return done();
    sendHttpError(reply, answer(414, 'path segment too long', [`each path segment is limited to ${MAX_PATH_SEGMENT_LENGTH} characters; one has ${longest}`]));
  });
}

/** Bodies a little over a route's limit are read and dropped before the 413, up to this size. */
export const OVERSIZED_BODY_DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * Fastify refuses a body over the limit before reading it and closes the connection, so a client
 * still sending sees a reset (EPIPE) instead of its 413. A declared length up to
 * OVERSIZED_BODY_DRAIN_BYTES is read and dropped first, so the client gets the answer; anything
 * larger is still cut off unread.
 */
export function installOversizedBodyDrain(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const declared = Number(request.headers['content-length']);
    const limit = request.routeOptions.bodyLimit ?? fastify.initialConfig.bodyLimit ?? Infinity;
    if (!(declared > limit) || declared > OVERSIZED_BODY_DRAIN_BYTES) return payload;
    for await (const chunk of payload) void chunk;
    throw new HttpRefusal(413, 'request body too large', [`the body is ${declared} bytes; this route takes at most ${limit}`]);
  });
}

/** No route answered: 405 with `Allow` when the path exists for other methods, else 404. */
export function unmatchedRouteAnswer(fastify: FastifyInstance, request: FastifyRequest): HttpErrorAnswer {
  const path = request.url.split('?')[0];
  const allowed = METHODS.filter((method) => fastify.findRoute({ method, url: path }) !== null);
  if (allowed.length > 0) {
    return answer(405, `${request.method} is not allowed here`, [`allowed: ${allowed.join(', ')}`], { allow: allowed.join(', ') });
  }
  return answer(404, 'no such route', [`${request.method} ${path}`]);
}

export function sendHttpError(reply: FastifyReply, failure: HttpErrorAnswer): FastifyReply {
  return reply.code(failure.status).headers(failure.headers).type('application/json').send(failure.body);
}

/**
 * The one place an HTTP request's failure becomes its answer, for Nest's controllers, the Fastify
 * routes left (GraphQL, probes) and the framework's own errors (bad JSON, wrong content type, body too large, no route):
 * a 4xx `{"error", "details"}` for the client's mistakes, a logged 500 for ours.
 * GraphQL resolvers' errors go on to GraphQL's own error format.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly fastify: FastifyInstance) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const unmatched = request.routeOptions?.url === undefined;
    const answered = unmatched && isNotFound(exception) ? unmatchedRouteAnswer(this.fastify, request) : httpErrorAnswer(exception);
    if (answered.status >= 500 && !isDatabaseUnavailable(exception)) {
      rootLogger().error({ err: exception, requestId: request.id, method: request.method, url: request.url }, 'request failed');
    }
    if (!reply.sent) sendHttpError(reply, answered);
  }
}

function isNotFound(exception: unknown): boolean {
  return exception instanceof HttpException && exception.getStatus() === 404;
}
