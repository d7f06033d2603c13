import { Injectable } from '@nestjs/common';
import { TierChanged, type EventEnvelope, type TierChangedPayload } from '@shopops/contracts';
import { execute, OnEvent, type TransactionContext } from '@shopops/platform';

/** Each member's tier as membership announces it, for per-tier picks; a late, older change never overwrites a newer one. */
@Injectable()
export class MemberTiersHandler {
  @OnEvent(TierChanged)
  async tierChanged(tx: TransactionContext, event: EventEnvelope<TierChangedPayload>): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO member_tier (member_id, tier, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (member_id) DO UPDATE SET tier = EXCLUDED.tier, changed_at = EXCLUDED.changed_at WHERE member_tier.changed_at <= EXCLUDED.changed_at`,
      [event.payload.memberId, event.payload.toTier, event.occurredAt],
    );
  }
}
