import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Public, requestTraceparent, RouteBody } from '@shopops/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WebhookIngestService } from './webhook-ingest.service';

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * POST /webhooks/{source}: the body is read raw whatever its content type (signatures cover the
 * exact bytes), capped at 1 MiB; the ingest answers every case CONTRACT.md fixes.
 */
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly ingest: WebhookIngestService) {}

  // Public to the role check: the signature, checked by the ingest, is the sender's credential.
  @Post(':source')
  @Public()
  @RouteBody({ raw: true })
  async receiveDelivery(@Param('source') source: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
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
