import type { FastifyInstance } from 'fastify';
import { MAX_REQUEST_BYTES } from '@shopops/platform';
import type { WebhookIngestService } from './webhook-ingest.service';

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * POST /webhooks/{source}: the body is read raw (signatures cover the exact bytes), capped at
 * 1 MiB; every refusal answers `{"error", "details"}` (the platform's error filter answers the framework's).
 */
export async function mountWebhooks(fastify: FastifyInstance, ingest: WebhookIngestService): Promise<void> {
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_REQUEST_BYTES }, (_request, body, done) => done(null, body));
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
