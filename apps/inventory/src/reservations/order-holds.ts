/** One order's key in a batch: channel and order id. */
export const orderKey = (channel: string, orderId: string): string => `${channel}\u0000${orderId}`;

/**
 * What each order of a reservation batch holds of a limited resource (a flash sale's cap, a
 * collection's run): the holds loaded with the batch, those admitted in it (to insert) and those
 * given back that were loaded (to delete). The gates keep the counts; this keeps who holds what.
 */
export class OrderHolds<Hold> {
  private readonly held = new Map<string, Hold[]>();
  private readonly admitted = new Set<string>();
  private readonly released = new Set<string>();

  /** A hold already stored for the order. */
  load(channel: string, orderId: string, hold: Hold): void {
    const key = orderKey(channel, orderId);
    this.held.set(key, [...(this.held.get(key) ?? []), hold]);
  }

  holds(channel: string, orderId: string): boolean {
    return this.held.has(orderKey(channel, orderId));
  }

  admit(channel: string, orderId: string, holds: Hold[]): void {
    if (!holds.length) return;
    const key = orderKey(channel, orderId);
    this.held.set(key, holds);
    this.admitted.add(key);
  }

  /** Removes the order's holds and returns them, for the gate to give their units back. */
  release(channel: string, orderId: string): Hold[] {
    const key = orderKey(channel, orderId);
    const holds = this.held.get(key) ?? [];
    if (this.held.delete(key) && !this.admitted.delete(key)) this.released.add(key);
    return holds;
  }

  /** Holds admitted in this batch, to store. */
  added(): Array<{ channel: string; orderId: string; hold: Hold }> {
    return [...this.admitted].flatMap((key) => {
      const [channel, orderId] = key.split('\u0000');
      return (this.held.get(key) ?? []).map((hold) => ({ channel, orderId, hold }));
    });
  }

  /** Orders whose stored holds were given back in this batch, to delete. */
  removed(): Array<{ channel: string; orderId: string }> {
    return [...this.released].map((key) => {
      const [channel, orderId] = key.split('\u0000');
      return { channel, orderId };
    });
  }
}
