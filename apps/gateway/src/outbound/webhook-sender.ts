import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { publicEventType, webhookSignatureHeader } from '@shopops/contracts';
import { Agent, request } from 'undici';
import { guardedConnector, type Resolve } from './network-guard';
import type { OutboundConfig } from './outbound.config';
import { OUTBOUND_CONFIG } from './outbound.tokens';

export interface SendRequest {
  readonly url: string;
  readonly messageId: string;
  readonly eventType: string;
  readonly occurredAt: Date;
  readonly payload: object;
  /** Every secret currently valid for the endpoint: the receiver needs any one to verify. */
  readonly secrets: readonly string[];
}

export interface SendOutcome {
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
  readonly responseExcerpt: string | null;
}

const EXCERPT_BYTES = 1024;

/** Name resolution for the sender; tests replace it to play DNS answers. */
export const OUTBOUND_RESOLVE = Symbol('OUTBOUND_RESOLVE');

/** POSTs one signed delivery with a timeout, through a connection pool that refuses non-public addresses. */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
    @Optional() @Inject(OUTBOUND_RESOLVE) resolve?: Resolve,
  ) {
    this.agent = new Agent({
      connect: guardedConnector({ allowPrivateNetworks: config.allowPrivateNetworks, timeoutMs: config.timeoutMs, resolve }),
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
      keepAliveTimeout: 10_000,
    });
  }

  async send(delivery: SendRequest): Promise<SendOutcome> {
    const webhookId = `msg_${delivery.messageId}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: publicEventType(delivery.eventType), occurredAt: delivery.occurredAt.toISOString(), data: delivery.payload });
    const started = performance.now();
    try {
      const response = await request(delivery.url, {
        method: 'POST',
        dispatcher: this.agent,
        body,
        signal: AbortSignal.timeout(this.config.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ShopOps-Webhooks/1',
          'webhook-id': webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignatureHeader(delivery.secrets, webhookId, timestamp, body),
        },
      });
      const text = await response.body.text();
      return {
        statusCode: response.statusCode,
        durationMs: Math.round(performance.now() - started),
        error: null,
        responseExcerpt: text.slice(0, EXCERPT_BYTES),
      };
    } catch (error) {
      const message = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
      return { statusCode: null, durationMs: Math.round(performance.now() - started), error: message, responseExcerpt: null };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}
