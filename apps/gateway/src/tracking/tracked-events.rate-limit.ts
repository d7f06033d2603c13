import rateLimit from '@fastify/rate-limit';
import { type CanActivate, type ExecutionContext, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { QueueRegistry, requestContextOf } from '@shopops/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-config.module';
import { sharedRateLimitStore } from '../rate-limits/shared-rate-limit';

type RateCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Each client's requests a minute on POST /events, counted in the store every gateway replica
 * shares. A guard after the bearer check, so the count is per client, not per address.
 */
@Injectable()
export class TrackedEventsRateLimit implements CanActivate, OnModuleInit {
  private check?: RateCheck;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueRegistry,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    // Not global: only what asks for it is counted. Loaded with the server, so `rateLimit` exists once requests arrive.
    void this.fastify().register(rateLimit, { global: false, ...sharedRateLimitStore(this.queues) });
  }

  /** Over the limit, the check throws a 429 the error filter answers, with Retry-After set. */
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    await this.rateCheck()(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }

  private rateCheck(): RateCheck {
    this.check ??= this.fastify().rateLimit({
      max: this.config.rateLimitPerMinute,
      timeWindow: 60_000,
      // The client's subject, not its token: keys in a shared store must not hold credentials.
      keyGenerator: (request) => `events:${requestContextOf(request)?.identity.subject ?? request.ip}`,
    }) as RateCheck;
    return this.check;
  }

  private fastify(): FastifyInstance {
    return this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
  }
}
