import type { FastifyError, FastifyInstance } from 'fastify';
import { DATABASE_UNAVAILABLE_ANSWER, isDatabaseUnavailable, MAX_REQUEST_BYTES, rootLogger } from '@shopops/platform';
import type { WebhookIngestService } from './webhook-ingest.service';

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * POST /webhooks/{source}: the body is read raw (signatures cover the exact bytes), capped at
 * 1 MiB, and every refusal answers `{"error", "details"}`.
 */
export async function mountWebhooks(fastify: FastifyInstance, ingest: WebhookIngestService): Promise<void> {
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_REQUEST_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return reply.code(413).send({ error: 'body too large', details: [`webhook bodies are limited to ${MAX_REQUEST_BYTES} bytes`] });
      }
      if (isDatabaseUnavailable(error)) {
        return reply.code(DATABASE_UNAVAILABLE_ANSWER.status).headers(DATABASE_UNAVAILABLE_ANSWER.headers).send(DATABASE_UNAVAILABLE_ANSWER.body);
      }
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) rootLogger().error({ err: error, requestId: request.id, source: request.params }, 'webhook delivery failed');
      return reply.code(status).send({ error: status === 500 ? 'internal error' : error.message, details: [] });
    });
    scope.post<{ Params: { source: string } }>('/webhooks/:source', { bodyLimit: MAX_REQUEST_BYTES }, async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const answer = await ingest.ingest(
        request.id,
        request.params.source,
        {
          id: header(request.headers['webhook-id']),
          timestamp: header(request.headers['webhook-timestamp']),
          signature: header(request.headers['webhook-signature']),
        },
        body,
      );
      return reply.code(answer.status).send(answer.body);
    });
  });
}
