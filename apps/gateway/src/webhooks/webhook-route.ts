import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestTraceparent, type RouteBodyOptions } from '@shopops/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WebhookIngestService } from './webhook-ingest.service';

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Signatures cover the exact bytes: the body is read raw whatever its content type, capped at the server's 1 MiB. */
const RAW_BODY: { readonly body: RouteBodyOptions } = { body: { raw: true } };

/**
 * POST /webhooks/{source}: the ingest answers every case CONTRACT.md fixes.
 *
 * A plain Fastify route rather than a Nest controller: at thousands of deliveries a second the
 * controller pipeline (global guards, pipes, interceptor, observables) cost more CPU than the
 * signature check. None of it applies here: the signature, checked by the ingest, is the
 * sender's credential, and the only argument is the raw body. Registered once Nest installed its
 * error handler, so refusals and failures are answered by the same filter as every other route.
 */
@Injectable()
export class WebhookRoute implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly ingest: WebhookIngestService,
  ) {}

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.post('/webhooks/:source', { config: RAW_BODY }, (request, reply) => this.receiveDelivery(request, reply));
  }

  private async receiveDelivery(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { source } = request.params as { source: string };
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const headers = {
      id: header(request.headers['webhook-id']),
      timestamp: header(request.headers['webhook-timestamp']),
      signature: header(request.headers['webhook-signature']),
    };
    const answer = await this.ingest.ingest({ requestId: request.id, trace: requestTraceparent(request) }, source, headers, body);
    return reply.code(answer.status).send(answer.body);
  }
}
