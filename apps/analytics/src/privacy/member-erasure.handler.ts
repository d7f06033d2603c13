import { Inject, Injectable } from '@nestjs/common';
import { ERASURE_CONFIRMATIONS, MemberErasureRequested, type EventEnvelope, type MemberErasureRequestedPayload } from '@shopops/contracts';
import { DeadLetters, execute, OnEvent, PII_VAULT, type PiiVault, type TransactionContext } from '@shopops/platform';

/**
 * An erased member's accounts become one pseudonym in analytics: figures stay (a cohort still
 * counts one buyer), their words and the account ids go.
 */
@Injectable()
export class MemberErasureHandler {
  constructor(
    private readonly deadLetters: DeadLetters,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
  ) {}

  @OnEvent(MemberErasureRequested)
  async eraseMember(tx: TransactionContext, event: EventEnvelope<MemberErasureRequestedPayload>): Promise<void> {
    const { requestId, memberId } = event.payload;
    // Committed with the erasure (or at once when there is no account to erase): membership's receipt shows this service done.
    tx.emit(ERASURE_CONFIRMATIONS.analytics, { requestId, memberId });
    const accounts = event.payload.accounts;
    if (accounts.length === 0) return;
    const platforms = accounts.map((a) => a.platform);
    const ids = accounts.map((a) => this.vault.open(a.platformUserIdSealed));
    const pseudonym = `erased:${event.payload.requestId}`;
    await execute(
      tx.em,
      `UPDATE channel_event e SET payload = e.payload || jsonb_build_object('buyer', jsonb_build_object('platformUserId', $3::text))
              || CASE WHEN e.payload ? 'text' THEN '{"text": "[erased]"}'::jsonb ELSE '{}'::jsonb END
              || CASE WHEN e.payload ? 'images' THEN '{"images": []}'::jsonb ELSE '{}'::jsonb END
         FROM unnest($1::text[], $2::text[]) AS a(platform, platform_user_id)
        WHERE e.payload ? 'buyer' AND e.channel = a.platform AND e.payload -> 'buyer' ->> 'platformUserId' = a.platform_user_id`,
      [platforms, ids, pseudonym],
    );
    await execute(tx.em, `UPDATE order_fact SET buyer_id = $2 WHERE buyer_id = ANY($1::text[])`, [
      accounts.map((a, i) => `${a.platform}:${ids[i]}`),
      pseudonym,
    ]);
    await execute(
      tx.em,
      `DELETE FROM member_account m USING unnest($1::text[], $2::text[]) AS a(platform, platform_user_id)
        WHERE m.channel = a.platform AND m.platform_user_id = a.platform_user_id`,
      [platforms, ids],
    );
    await this.deadLetters.pseudonymise(ids, pseudonym);
  }
}
