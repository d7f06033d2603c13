import 'reflect-metadata';
import { EventBooking } from './exclusive-event.model';

describe('EventBooking.fromRow', () => {
  it('answers the waitlist place PostgreSQL counts as text as a number, and none for a booked seat', () => {
    const row = { event_id: 'e1', code: 'AW26-SALON', member_id: 'm1', status: 'WAITLISTED', position: '3' };
    expect(EventBooking.fromRow(row)).toEqual(
      Object.assign(new EventBooking(), { eventId: 'e1', eventCode: 'AW26-SALON', memberId: 'm1', status: 'WAITLISTED', waitlistPosition: 3 }),
    );
    expect(EventBooking.fromRow({ ...row, status: 'BOOKED', position: null }).waitlistPosition).toBeNull();
  });
});
