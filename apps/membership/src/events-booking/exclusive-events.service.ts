import { Injectable } from '@nestjs/common';
import { execute, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TiersService } from '../tiers/tiers.service';
import {
  EventBooking,
  EventFullError,
  ExclusiveEvent,
  TierNotEligibleError,
  type BookEventInput,
  type EventBookingRow,
  type ExclusiveEventInput,
} from './exclusive-event.model';

interface EventRow {
  id: string;
  code: string;
  title: string;
  starts_at: Date;
  seats: number;
  booked: number;
  min_tier: string | null;
}

const toEvent = (r: EventRow): ExclusiveEvent =>
  Object.assign(new ExclusiveEvent(), { id: r.id, code: r.code, title: r.title, startsAt: r.starts_at, seats: r.seats, booked: r.booked, minTier: r.min_tier });

/**
 * Seats are taken with one conditional update (booked < seats), so concurrent bookings can
 * never overbook; a cancelled seat goes to the first on the waitlist in the same transaction.
 */
@Injectable()
export class ExclusiveEventsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly tiers: TiersService,
  ) {}

  create(ctx: RequestContext, input: ExclusiveEventInput): Promise<ExclusiveEvent> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<EventRow>(
        tx.em,
        `INSERT INTO exclusive_event (id, code, title, starts_at, seats, min_tier) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, seats = greatest(EXCLUDED.seats, exclusive_event.booked), min_tier = EXCLUDED.min_tier
         RETURNING *`,
        [randomUUID(), input.code, input.title, input.startsAt, input.seats, input.minTier ?? null],
      );
      return toEvent(row);
    });
  }

  async list(): Promise<ExclusiveEvent[]> {
    return (await selectRows<EventRow>(this.dataSource, `SELECT * FROM exclusive_event WHERE starts_at > now() - interval '1 day' ORDER BY starts_at`)).map(
      toEvent,
    );
  }

  book(ctx: RequestContext, input: BookEventInput): Promise<EventBooking | NotFoundError | EventFullError | TierNotEligibleError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const event = await selectRow<EventRow>(tx.em, `SELECT * FROM exclusive_event WHERE code = $1`, [input.eventCode]);
      if (!event) refuse(NotFoundError.of('Event', input.eventCode));
      const member = await selectRow<{ tier_code: string }>(tx.em, `SELECT tier_code FROM member WHERE id = $1 AND status = 'ACTIVE'`, [input.memberId]);
      if (!member) refuse(NotFoundError.of('Member', input.memberId));
      if (event.min_tier) {
        const scheme = await this.tiers.activeScheme(tx.em);
        if (this.tiers.tierOf(scheme, member.tier_code).rank < this.tiers.tierOf(scheme, event.min_tier).rank)
          refuse(TierNotEligibleError.of(event.code, event.min_tier));
      }
      const existing = await selectRow<{ status: string }>(tx.em, `SELECT status FROM event_booking WHERE event_id = $1 AND member_id = $2 FOR UPDATE`, [
        event.id,
        input.memberId,
      ]);
      if (existing && existing.status !== 'CANCELLED') return this.bookingOf(tx, event, input.memberId);
      const seated = await selectRows<{ id: string }>(
        tx.em,
        `WITH taken AS (UPDATE exclusive_event SET booked = booked + 1 WHERE id = $1 AND booked < seats RETURNING id) SELECT id FROM taken`,
        [event.id],
      );
      const status = seated.length ? 'BOOKED' : 'WAITLISTED';
      if (status === 'WAITLISTED' && !input.joinWaitlist) refuse(EventFullError.of(event.code, event.seats));
      await execute(
        tx.em,
        `INSERT INTO event_booking (event_id, member_id, status) VALUES ($1, $2, $3)
         ON CONFLICT (event_id, member_id) DO UPDATE SET status = EXCLUDED.status, queued_at = clock_timestamp(), updated_at = now()`,
        [event.id, input.memberId, status],
      );
      return this.bookingOf(tx, event, input.memberId);
    });
  }

  cancel(ctx: RequestContext, eventCode: string, memberId: string): Promise<EventBooking | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const event = await selectRow<EventRow>(tx.em, `SELECT * FROM exclusive_event WHERE code = $1 FOR UPDATE`, [eventCode]);
      if (!event) refuse(NotFoundError.of('Event', eventCode));
      const booking = await selectRow<{ status: string }>(tx.em, `SELECT status FROM event_booking WHERE event_id = $1 AND member_id = $2 FOR UPDATE`, [
        event.id,
        memberId,
      ]);
      if (!booking || booking.status === 'CANCELLED') refuse(NotFoundError.of('Booking', `${eventCode}/${memberId}`));
      await execute(tx.em, `UPDATE event_booking SET status = 'CANCELLED', updated_at = now() WHERE event_id = $1 AND member_id = $2`, [event.id, memberId]);
      if (booking.status === 'BOOKED') {
        const promoted = await selectRows<{ member_id: string }>(
          tx.em,
          `WITH next AS (SELECT member_id FROM event_booking WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY queued_at LIMIT 1 FOR UPDATE),
                promoted AS (UPDATE event_booking b SET status = 'BOOKED', updated_at = now() FROM next WHERE b.event_id = $1 AND b.member_id = next.member_id RETURNING b.member_id)
           SELECT member_id FROM promoted`,
          [event.id],
        );
        if (promoted.length === 0) await execute(tx.em, `UPDATE exclusive_event SET booked = booked - 1 WHERE id = $1`, [event.id]);
      }
      return this.bookingOf(tx, event, memberId);
    });
  }

  async bookingsOf(memberIds: readonly string[]): Promise<EventBooking[]> {
    const rows = await selectRows<EventBookingRow>(
      this.dataSource,
      `SELECT b.event_id, e.code, b.member_id, b.status,
              CASE WHEN b.status = 'WAITLISTED' THEN (SELECT count(*) FROM event_booking w WHERE w.event_id = b.event_id AND w.status = 'WAITLISTED' AND w.queued_at <= b.queued_at) END AS position
         FROM event_booking b JOIN exclusive_event e ON e.id = b.event_id WHERE b.member_id = ANY($1::uuid[]) ORDER BY e.starts_at`,
      [memberIds],
    );
    return rows.map(EventBooking.fromRow);
  }

  private async bookingOf(tx: TransactionContext, event: EventRow, memberId: string): Promise<EventBooking> {
    const [row] = await selectRows<Pick<EventBookingRow, 'status' | 'position'>>(
      tx.em,
      `SELECT status, CASE WHEN status = 'WAITLISTED' THEN (SELECT count(*) FROM event_booking w WHERE w.event_id = b.event_id AND w.status = 'WAITLISTED' AND w.queued_at <= b.queued_at) END AS position
         FROM event_booking b WHERE event_id = $1 AND member_id = $2`,
      [event.id, memberId],
    );
    return EventBooking.fromRow({ ...row, event_id: event.id, code: event.code, member_id: memberId });
  }
}
