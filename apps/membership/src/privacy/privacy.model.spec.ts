import 'reflect-metadata';
import { Consent } from './privacy.model';

describe('Consent.fromRow', () => {
  it('keeps the member a consent belongs to, for the per-request loader', () => {
    const updatedAt = new Date('2026-11-11T00:00:00Z');
    expect(Consent.fromRow({ member_id: 'm1', channel: 'sms', granted: true, updated_at: updatedAt })).toEqual(
      Object.assign(new Consent(), { memberId: 'm1', channel: 'sms', granted: true, updatedAt }),
    );
  });
});
