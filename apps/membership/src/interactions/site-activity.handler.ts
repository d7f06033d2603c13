import { Injectable } from '@nestjs/common';
import { TrackedEventsReceived, type EventEnvelope, type TrackedEventsReceivedPayload } from '@shopops/contracts';
import { execute, OnEventBatch, type TransactionContext } from '@shopops/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signed-in browsing counts as activity: a member who visits is not dormant (and a dormant one
 * who comes back ends the episode), even before buying again.
 */
@Injectable()
export class SiteActivityHandler {
  @OnEventBatch(TrackedEventsReceived)
  async recordVisits(tx: TransactionContext, batches: Array<EventEnvelope<TrackedEventsReceivedPayload>>): Promise<void> {
    const latest = new Map<string, number>();
    for (const batch of batches) {
      for (const e of batch.payload.events) {
        if (!e.memberId || !UUID.test(e.memberId)) continue;
        latest.set(e.memberId, Math.max(latest.get(e.memberId) ?? 0, Date.parse(e.occurredAt)));
      }
    }
    if (!latest.size) return;
    await execute(
      tx.em,
      `UPDATE member m SET last_interaction_at = greatest(m.last_interaction_at, v.at), dormant_since = CASE WHEN v.at > m.dormant_since THEN NULL ELSE m.dormant_since END, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE m.id = v.id AND m.status = 'ACTIVE'`,
      [[...latest.keys()], [...latest.values()].map((t) => new Date(t).toISOString())],
    );
  }
}
