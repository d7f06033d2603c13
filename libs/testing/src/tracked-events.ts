import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { tokenFor } from './tokens';

/** A signed-in tracked event of the mall's mobile site. */
export function trackedEvent(type: string, memberId: string, at: Date | string, about: { skuCode?: string; productCode?: string } = {}) {
  return {
    eventId: `ev-${randomUUID()}`,
    type,
    occurredAt: typeof at === 'string' ? at : at.toISOString(),
    memberId,
    channel: 'mall',
    device: 'mobile',
    source: 'direct',
    ...about,
  };
}

/** Posts tracked events to `POST /events` as an analyst; throws unless every one is accepted. */
export async function postTrackedEvents(baseUrl: string, events: ReadonlyArray<{ eventId: string }>): Promise<void> {
  const posted = await request(baseUrl)
    .post('/events')
    .set('authorization', `Bearer ${tokenFor('analyst')}`)
    .send({ events });
  if (posted.body?.accepted !== events.length) throw new Error(`POST /events accepted ${JSON.stringify(posted.body)} of ${events.length}`);
}
