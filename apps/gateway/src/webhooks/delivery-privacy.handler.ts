import { Inject, Injectable } from '@nestjs/common';
import { ERASURE_CONFIRMATIONS, MemberErasureRequested, type EventEnvelope, type MemberErasureRequestedPayload } from '@shopops/contracts';
import {
  DeadLetters,
  execute,
  OnEvent,
  PII_VAULT,
  rootLogger,
  Scheduled,
  type PiiVault,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { DataSource } from 'typeorm';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-config.module';
import { accountRef } from './buyer-sealing';

const CHUNK = 5000;

/**
 * A body reduced to what reconciliation and audit need: no buyer, no words, no address. Why, as $2.
 * JSON that PostgreSQL's jsonb refuses (\u0000, lone surrogates) keeps only the type.
 */
const REDACTED_BODY = `CASE WHEN body ~* '\\\\u(0000|d[89a-f])' THEN jsonb_build_object('type', type, 'redacted', $2::text)::text
  ELSE jsonb_build_object('type', type, 'occurredAt', body::jsonb ->> 'occurredAt', 'redacted', $2::text,
    'data', jsonb_strip_nulls(jsonb_build_object('orderId', body::jsonb -> 'data' -> 'orderId', 'refundId', body::jsonb -> 'data' -> 'refundId'))
  )::text END`;

/**
 * What the gateway keeps of a buyer goes when the member is erased (their deliveries' bodies, the
 * channel events in its outbox, its dead letters), and every body is reduced after the retention period.
 */
@Injectable()
export class DeliveryPrivacyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetters,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @OnEvent(MemberErasureRequested)
  async eraseBuyer(tx: TransactionContext, event: EventEnvelope<MemberErasureRequestedPayload>): Promise<void> {
    const { requestId, memberId } = event.payload;
    // Committed with the erasure (or at once when there is no account to erase): membership's receipt shows this service done.
    tx.emit(ERASURE_CONFIRMATIONS.gateway, { requestId, memberId });
    const accounts = event.payload.accounts.map((a) => ({ platform: a.platform, platformUserId: this.vault.open(a.platformUserIdSealed) }));
    if (accounts.length === 0) return;
    await execute(tx.em, `UPDATE webhook_delivery SET body = ${REDACTED_BODY}, buyer_ref = NULL, body_redacted_at = now() WHERE buyer_ref = ANY($1::text[])`, [
      accounts.map((a) => accountRef(this.vault, a.platform, a.platformUserId)),
      'erasure',
    ]);
    // The channel events already sent keep their order facts; the buyer becomes a pseudonym.
    await execute(
      tx.em,
      `UPDATE outbox o SET payload = o.payload || jsonb_build_object('buyer', jsonb_build_object('platformUserId', $3::text))
              || CASE WHEN o.payload ? 'text' THEN '{"text": "[erased]"}'::jsonb ELSE '{}'::jsonb END
              || CASE WHEN o.payload ? 'images' THEN '{"images": []}'::jsonb ELSE '{}'::jsonb END
         FROM unnest($1::text[], $2::text[]) AS a(platform, platform_user_id)
        WHERE o.payload ->> 'channel' = a.platform AND o.payload -> 'buyer' ->> 'platformUserId' = a.platform_user_id`,
      [accounts.map((a) => a.platform), accounts.map((a) => a.platformUserId), `erased:${event.payload.requestId}`],
    );
    await this.deadLetters.pseudonymise(
      accounts.map((a) => a.platformUserId),
      `erased:${event.payload.requestId}`,
    );
  }

  /** Daily: bodies older than the retention period are reduced (the row stays, so a late retry is still a duplicate). */
  @Scheduled({ name: 'gateway.webhook-body-retention', cron: '27 3 * * *' })
  async reduceExpiredBodies(_ctx: RequestContext): Promise<void> {
    let reduced = 0;
    for (;;) {
      const count = await execute(
        this.dataSource,
        `UPDATE webhook_delivery SET body = ${REDACTED_BODY}, buyer_ref = NULL, body_redacted_at = now()
          WHERE id IN (SELECT id FROM webhook_delivery WHERE body_redacted_at IS NULL AND received_at < now() - ($1::int * interval '1 day') LIMIT ${CHUNK})`,
        [this.config.webhookBodyRetentionDays, 'retention'],
      );
      reduced += count;
      if (count < CHUNK) break;
    }
    rootLogger().info({ reduced }, 'reduced expired webhook bodies');
  }
}
