import { paymentDeadline } from './reservation-engine';

describe('payment deadline', () => {
  const now = new Date('2026-12-02T10:00:00.000Z');
  const window = 30 * 60_000;

  it('counts the window from when the buyer placed the order, not from now', () => {
    expect(paymentDeadline('2026-12-02T17:50:00+08:00', now, window)).toBe('2026-12-02T10:20:00.000Z');
  });

  it('is already past for an order placed longer ago than the window', () => {
    expect(paymentDeadline('2026-12-02T09:00:00Z', now, window)).toBe('2026-12-02T09:30:00.000Z');
  });

  it('counts a placing time in the future, or none, as now', () => {
    expect(paymentDeadline('2026-12-02T12:00:00Z', now, window)).toBe('2026-12-02T10:30:00.000Z');
    expect(paymentDeadline(null, now, window)).toBe('2026-12-02T10:30:00.000Z');
  });
});
