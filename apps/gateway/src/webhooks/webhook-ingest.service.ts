import { Inject, Injectable } from '@nestjs/common';
import { describeProblems } from '@shopops/contracts';
import { RequestContext, UnitOfWork } from '@shopops/platform';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-config.module';
import { mapWebhook } from './webhook-adapters';
import { verifyWebhookSignature, type SignatureHeaders } from './webhook-signature';

export interface IngestAnswer {
  readonly status: 200 | 202 | 400 | 401 | 404;
  readonly body: Record<string, unknown>;
}

function refusal(status: IngestAnswer['status'], error: string, details: string[] = []): IngestAnswer {
  return { status, body: { error, details } };
}

/**
 * One webhook delivery: check the source and signature, validate the envelope, then store the
 * raw delivery and its internal event in one transaction before answering 202. A webhook id
 * seen before answers 200 `{duplicate: true}` and does nothing.
 */
@Injectable()
export class WebhookIngestService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async ingest(requestId: string, source: string, headers: SignatureHeaders, rawBody: Buffer): Promise<IngestAnswer> {
    const sourceConfig = this.config.webhookSources.get(source);
    if (!sourceConfig) return refusal(404, `unknown webhook source "${source}"`, [`configured sources: ${[...this.config.webhookSources.keys()].join(', ')}`]);
    const signature = verifyWebhookSignature(sourceConfig.keys, headers, rawBody, this.config.webhookToleranceSeconds);
    if (!signature.ok) return refusal(401, signature.error, signature.details);

    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody.toString('utf8'));
    } catch (error) {
      return refusal(400, 'body is not JSON', [error instanceof Error ? error.message : String(error)]);
    }
    const webhookId = headers.id as string;
    const mapping = mapWebhook(source, webhookId, parsed);
    if (!mapping.ok) return refusal(400, `invalid envelope: ${describeProblems(mapping.problems)}`, mapping.problems.map((p) => p.message));

    const { mapped } = mapping;
    return this.unitOfWork.run(RequestContext.system(requestId), async (tx) => {
      const stored: unknown[] = await tx.em.query(
        `INSERT INTO webhook_delivery (source, webhook_id, type, occurred_at, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (source, webhook_id) DO NOTHING RETURNING id`,
        [source, webhookId, mapped.type, new Date(mapped.occurredAt), rawBody.toString('utf8')],
      );
      if (stored.length === 0) return { status: 200, body: { duplicate: true } } as IngestAnswer;
      tx.emit(mapped.event, mapped.payload);
      return { status: 202, body: { accepted: true, webhookId } } as IngestAnswer;
    });
  }
}
