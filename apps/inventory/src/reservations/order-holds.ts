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

/** What the counter knows of one key (a SKU): units still to be admitted, and who already holds some. */
interface CountedKey {
  /** Units left as PostgreSQL saw them at `seenAt`, less what callers took since. */
  left: number;
  seenAt: number;
  /** Units taken by callers whose batch has not committed yet. */
  inFlight: number;
  /** Orders holding units of the key; undefined while not loaded (only needed once sold out). */
  holders?: Set<string>;
  holdersAt?: number;
  /** Orders admitted while the holders were being loaded, added to them when they arrive. */
  loading?: Set<string>;
  /** When a load last found too many holders to keep (or failed): not retried before `freshMs`. */
  givenUpAt?: number;
}

/**
 * An atomic admission counter per key, in process: `take` checks and decrements in one
 * synchronous step, so two callers can never both get the last unit of the counter. It is a
 * copy of PostgreSQL's count, never the truth: each committed batch sets it from the levels it
 * held under lock (less units taken by callers still queued), a count older than `freshMs`
 * is not trusted, and a process that dies takes it along — the next batch rebuilds it.
 */
export class AdmissionCounter {
  private readonly keys = new Map<string, CountedKey>();

  constructor(
    private readonly freshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes `units` of every key, all or none. 'taken': the caller goes on to commit (and must
   * `settle`); 'refused': the fresh count says no; 'unknown': a key has no fresh count, ask PostgreSQL.
   */
  take(wants: ReadonlyArray<{ key: string; units: number }>): 'taken' | 'refused' | 'unknown' {
    const counted: CountedKey[] = [];
    for (const w of wants) {
      const k = this.fresh(w.key);
      if (!k) return 'unknown';
      if (k.left < w.units) return 'refused';
      counted.push(k);
    }
    wants.forEach((w, i) => {
      counted[i].left -= w.units;
      counted[i].inFlight += w.units;
    });
    return 'taken';
  }

  /** Units left of a fresh key, or undefined. */
  left(key: string): number | undefined {
    return this.fresh(key)?.left;
  }

  /** The caller's batch is over (committed or not): its units no longer wait; `refund` gives them back when not committed. */
  settle(wants: ReadonlyArray<{ key: string; units: number }>, refund: boolean): void {
    for (const w of wants) {
      const k = this.keys.get(w.key);
      if (!k) continue;
      k.inFlight = Math.max(0, k.inFlight - w.units);
      if (refund) k.left += w.units;
    }
  }

  /** PostgreSQL's count after a commit: callers queued since took `inFlight` of it already. */
  observe(key: string, left: number): void {
    const k = this.keys.get(key);
    const inFlight = k?.inFlight ?? 0;
    // Holders loaded by another replica's time are reloaded like the count: they may have grown elsewhere.
    const holdersFresh = k?.holdersAt !== undefined && this.now() - k.holdersAt < this.freshMs;
    this.keys.set(key, {
      left: left - inFlight,
      seenAt: this.now(),
      inFlight,
      ...(holdersFresh ? { holders: k.holders, holdersAt: k.holdersAt } : {}),
      ...(k?.loading ? { loading: k.loading } : {}),
      ...(k?.givenUpAt !== undefined ? { givenUpAt: k.givenUpAt } : {}),
    });
  }

  /** The stock changed outside the counter's sight: no refusal from memory until the next observed count. */
  forget(key: string): void {
    const k = this.keys.get(key);
    if (k) k.seenAt = -Infinity;
  }

  /** Whether the order holds units of a fresh key; undefined when the holders are not known. */
  holds(key: string, order: string): boolean | undefined {
    const k = this.fresh(key);
    if (!k?.holders || k.holdersAt === undefined || this.now() - k.holdersAt >= this.freshMs) return undefined;
    return k.holders.has(order);
  }

  /** Starts loading the holders of a key; false when a load is already under way or the key has no count. */
  startLoadingHolders(key: string): boolean {
    const k = this.keys.get(key);
    if (!k || k.loading) return false;
    if (k.givenUpAt !== undefined && this.now() - k.givenUpAt < this.freshMs) return false;
    k.loading = new Set();
    return true;
  }

  /** The holders PostgreSQL had when the load began, plus those admitted since; `undefined` = too many to keep. */
  setHolders(key: string, loadedAt: number, orders: Iterable<string> | undefined): void {
    const k = this.keys.get(key);
    if (!k) return;
    const since = k.loading ?? new Set<string>();
    k.loading = undefined;
    if (orders === undefined) {
      k.givenUpAt = this.now();
      return;
    }
    k.holders = new Set([...orders, ...since]);
    k.holdersAt = loadedAt;
  }

  addHolder(key: string, order: string): void {
    const k = this.keys.get(key);
    k?.holders?.add(order);
    k?.loading?.add(order);
  }

  private fresh(key: string): CountedKey | undefined {
    const k = this.keys.get(key);
    return k && this.now() - k.seenAt < this.freshMs ? k : undefined;
  }
}
