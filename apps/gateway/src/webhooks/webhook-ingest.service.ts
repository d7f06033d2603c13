import { Inject, Injectable } from '@nestjs/common';
import { describeProblems } from '@shopops/contracts';
import { HttpRefusal, MicroBatcher, PII_VAULT, RequestContext, rootLogger, selectRows, UnitOfWork, type PiiVault } from '@shopops/platform';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-config.module';
import { sealDelivery, type ParsedDelivery } from './buyer-sealing';
import { mapWebhook, type MappedWebhook } from './webhook-adapters';
import { verifyWebhookSignature, type SignatureHeaders } from './webhook-signature';

/** A delivery taken: 202 when new, 200 `{duplicate: true}` when its id was seen before. Refusals are thrown as HttpRefusal. */
export interface IngestAnswer {
  readonly status: 200 | 202;
  readonly body: Record<string, unknown>;
}

/** The delivery's request: its id, and its span's traceparent while tracing is on. */
export interface IngestRequest {
  readonly requestId: string;
  readonly trace?: string;
}

interface AcceptedDelivery {
  readonly requestId: string;
  readonly trace?: string;
  readonly source: string;
  readonly webhookId: string;
  readonly mapped: MappedWebhook;
  readonly body: string;
  readonly buyerRef: string | null;
}

/**
 * One webhook delivery: check the source and signature, validate the envelope, seal the buyer's
 * PII, then store the delivery and its internal event in one transaction before answering 202. A webhook id
 * seen before answers 200 `{duplicate: true}` and does nothing; a refused delivery throws HttpRefusal.
 *
 * Deliveries arriving together are stored together (group commit): one multi-row insert and
 * one commit for the batch, which is what lets a burst of marketplace orders through.
 */
@Injectable()
export class WebhookIngestService {
  private readonly store = new MicroBatcher<AcceptedDelivery, IngestAnswer>({
    maxBatch: 200,
    maxWaitMs: 0,
    run: (deliveries) => this.storeDeliveries(deliveries),
  });

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
  ) {}

  async ingest({ requestId, trace }: IngestRequest, source: string, headers: SignatureHeaders, rawBody: Buffer): Promise<IngestAnswer> {
    const sourceConfig = this.config.webhookSources.get(source);
    if (!sourceConfig) {
      throw new HttpRefusal(404, `unknown webhook source "${source}"`, [`configured sources: ${[...this.config.webhookSources.keys()].join(', ')}`]);
    }
    const signature = verifyWebhookSignature(sourceConfig.keys, headers, rawBody, this.config.webhookToleranceSeconds);
    if (!signature.ok) throw new HttpRefusal(401, signature.error, signature.details);

    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody.toString('utf8'));
    } catch (error) {
      throw new HttpRefusal(400, 'body is not JSON', [error instanceof Error ? error.message : String(error)]);
    }
    const webhookId = headers.id as string;
    const mapping = mapWebhook(source, webhookId, parsed);
    if (!mapping.ok) {
      rootLogger().warn({ requestId, source, webhookId, problems: mapping.problems }, 'webhook delivery refused: invalid envelope');
      throw new HttpRefusal(
        400,
        `invalid envelope: ${describeProblems(mapping.problems)}`,
        mapping.problems.map((p) => p.message),
      );
    }
    const sealed = sealDelivery(this.vault, source, rawBody.toString('utf8'), parsed as ParsedDelivery, mapping.mapped);
    return this.store.submit({ requestId, ...(trace ? { trace } : {}), source, webhookId, ...sealed });
  }

  /**
   * Validation refuses every bad delivery before it gets here; should one still fail the batch,
   * each delivery is stored on its own so that only it fails, never its neighbours.
   */
  private async storeDeliveries(deliveries: AcceptedDelivery[]): Promise<Array<IngestAnswer | Error>> {
    try {
      return await this.storeBatch(deliveries);
    } catch (error) {
      if (deliveries.length === 1) throw error;
      rootLogger().error({ err: error, deliveries: deliveries.length }, 'webhook batch failed; storing its deliveries one by one');
      const answers: Array<IngestAnswer | Error> = [];
      for (const delivery of deliveries)
        answers.push(
          await this.storeBatch([delivery]).then(
            ([answer]) => answer,
            (failure: Error) => failure,
          ),
        );
      return answers;
    }
  }

  private storeBatch(deliveries: AcceptedDelivery[]): Promise<IngestAnswer[]> {
    return this.unitOfWork.run(RequestContext.system(deliveries[0].requestId), async (tx) => {
      const stored = await selectRows<{ source: string; webhook_id: string }>(
        tx.em,
        `INSERT INTO webhook_delivery (source, webhook_id, type, occurred_at, body, buyer_ref)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])
         ON CONFLICT (source, webhook_id) DO NOTHING RETURNING source, webhook_id`,
        [
          deliveries.map((d) => d.source),
          deliveries.map((d) => d.webhookId),
          deliveries.map((d) => d.mapped.type),
          deliveries.map((d) => d.mapped.occurredAt),
          deliveries.map((d) => d.body),
          deliveries.map((d) => d.buyerRef),
        ],
      );
      const fresh = new Set(stored.map((row) => `${row.source}\u0000${row.webhook_id}`));
      return deliveries.map((delivery): IngestAnswer => {
        // Only the first of several same-id deliveries in one batch is new.
        if (!fresh.delete(`${delivery.source}\u0000${delivery.webhookId}`)) return { status: 200, body: { duplicate: true } };
        // mapWebhook validated the data and set the rest itself: no second validation pass.
        tx.emit(delivery.mapped.event, delivery.mapped.payload, { requestId: delivery.requestId, trace: delivery.trace, validated: true });
        return { status: 202, body: { accepted: true, webhookId: delivery.webhookId } };
      });
    });
  }
}
