import { Injectable } from '@nestjs/common';
import { TrackedEvent, TrackedEventsReceived, validatePlain } from '@shopops/contracts';
import { HttpRefusal, UnitOfWork, type RequestContext } from '@shopops/platform';

export const MAX_EVENTS_PER_BATCH = 1000;

export interface RejectedEvent {
  readonly index: number;
  readonly errors: string[];
}

/** What a batch came to (answered 202); a body that is no batch at all is refused with HttpRefusal. */
export interface TrackingAnswer {
  readonly accepted: number;
  readonly duplicatesInBatch: number;
  readonly rejected: RejectedEvent[];
}

/**
 * Behaviour events from clients (storefront, mini-program, live room): each event is checked on
 * its own, bad ones are reported by index, and the good ones go to analytics as one outbox event
 * per batch, stored durably before the 202. Analytics de-duplicates by eventId across batches.
 */
@Injectable()
export class TrackedEventsService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async accept(ctx: RequestContext, body: unknown): Promise<TrackingAnswer> {
    const events = (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(events)) throw new HttpRefusal(400, 'body must be {"events": [...]}', ['events must be an array']);
    if (events.length === 0 || events.length > MAX_EVENTS_PER_BATCH) {
      throw new HttpRefusal(400, 'invalid batch size', [`events must hold 1 to ${MAX_EVENTS_PER_BATCH} events; got ${events.length}`]);
    }
    const accepted: TrackedEvent[] = [];
    const rejected: RejectedEvent[] = [];
    const seen = new Set<string>();
    let duplicatesInBatch = 0;
    events.forEach((raw, index) => {
      const checked = validatePlain(TrackedEvent, raw);
      if (!checked.ok) return void rejected.push({ index, errors: checked.problems.map((p) => p.message) });
      if (!checked.value.memberId && !checked.value.anonymousId) {
        return void rejected.push({ index, errors: ['memberId or anonymousId is required'] });
      }
      if (seen.has(checked.value.eventId)) return void (duplicatesInBatch += 1);
      seen.add(checked.value.eventId);
      accepted.push(checked.value);
    });
    if (accepted.length > 0) {
      await this.unitOfWork.run(ctx, async (tx) => {
        tx.emit(TrackedEventsReceived, { clientId: ctx.identity.subject, receivedAt: new Date().toISOString(), events: accepted }, { validated: true });
      });
    }
    return { accepted: accepted.length, duplicatesInBatch, rejected };
  }
}
