import { Inject, Injectable } from '@nestjs/common';
import { describeProblems } from '@shopops/contracts';
import { HttpRefusal, isDatabaseUnavailable, MicroBatcher, PII_VAULT, rootLogger, type PiiVault } from '@shopops/platform';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-config.module';
import { sealDelivery, type ParsedDelivery } from './buyer-sealing';
import { mapWebhook } from './webhook-adapters';
import { WebhookDeliveryStore, type AcceptedDelivery, type StoreOutcome } from './webhook-delivery-store';
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

/**
 * One webhook delivery: check the source and signature, validate the envelope, seal the buyer's
 * PII, then store the delivery and its internal event in one transaction before answering 202. A webhook id
 * seen before answers 200 `{duplicate: true}` and does nothing; a refused delivery throws HttpRefusal.
 *
 * Deliveries arriving together are stored together (group commit): one statement and one commit
 * for the group (WEBHOOK_GROUP_MAX_ROWS at most), each caller answered 202 only once the group
 * holding its delivery committed. That is what lets a burst of marketplace orders through.
 */
@Injectable()
export class WebhookIngestService {
  private readonly store: MicroBatcher<AcceptedDelivery, IngestAnswer>;

  constructor(
    private readonly deliveries: WebhookDeliveryStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
  ) {
    this.store = new MicroBatcher<AcceptedDelivery, IngestAnswer>({
      maxBatch: config.webhookGroupMaxRows,
      maxWaitMs: config.webhookGroupWaitMs,
      run: (group) => this.storeDeliveries(group),
    });
  }

  async ingest({ requestId, trace }: IngestRequest, source: string, headers: SignatureHeaders, rawBody: Buffer): Promise<IngestAnswer> {
    const sourceConfig = this.config.webhookSources.get(source);
    if (!sourceConfig) {
      throw new HttpRefusal(404, `unknown webhook source "${source}"`, [`configured sources: ${[...this.config.webhookSources.keys()].join(', ')}`]);
    }
    const signature = verifyWebhookSignature(sourceConfig.keys, headers, rawBody, this.config.webhookToleranceSeconds);
    if (!signature.ok) throw new HttpRefusal(401, signature.error, signature.details);

    const text = rawBody.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
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
    const sealed = sealDelivery(this.vault, source, text, parsed as ParsedDelivery, mapping.mapped);
    return this.store.submit({ requestId, ...(trace ? { trace } : {}), source, webhookId, ...sealed });
  }

  /**
   * Validation refuses every bad delivery before it gets here; should one still fail the group's
   * statement, each delivery is stored on its own so that only it fails, never its neighbours.
   * With the database away nothing of the group committed: every caller gets the 503 at once.
   */
  private async storeDeliveries(group: AcceptedDelivery[]): Promise<Array<IngestAnswer | Error>> {
    try {
      return (await this.deliveries.storeGroup(group)).map((outcome, i) => answerFor(group[i], outcome));
    } catch (error) {
      if (group.length === 1 || isDatabaseUnavailable(error)) throw error;
      // The message and SQLSTATE only: the error also carries the group's parameters, every body in it.
      const { message, code } = error as { message?: string; code?: string };
      rootLogger().error({ error: message, code, deliveries: group.length }, 'webhook group failed; storing its deliveries one by one');
      const answers: Array<IngestAnswer | Error> = [];
      for (const delivery of group)
        answers.push(
          await this.deliveries.storeGroup([delivery]).then(
            ([outcome]) => answerFor(delivery, outcome),
            (failure: Error) => failure,
          ),
        );
      return answers;
    }
  }
}

function answerFor(delivery: AcceptedDelivery, outcome: StoreOutcome): IngestAnswer {
  return outcome === 'stored' ? { status: 202, body: { accepted: true, webhookId: delivery.webhookId } } : { status: 200, body: { duplicate: true } };
}
