import { commitBisecting } from './batch-bisection';

/** A store that commits a batch only when none of its items is poison, and watches overlap. */
function fakeStore(poison: ReadonlySet<number>) {
  const committed: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let transactions = 0;
  const commit = async (items: readonly number[]): Promise<void> => {
    transactions += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    const bad = items.find((n) => poison.has(n));
    if (bad !== undefined) throw new Error(`item ${bad} is poison`);
    committed.push(...items);
  };
  return { commit, committed, stats: () => ({ transactions, maxInFlight }) };
}

describe('commitBisecting', () => {
  it('commits a clean batch in one transaction', async () => {
    const store = fakeStore(new Set());
    expect(await commitBisecting([1, 2, 3, 4], store.commit)).toEqual([undefined, undefined, undefined, undefined]);
    expect(store.committed).toEqual([1, 2, 3, 4]);
    expect(store.stats().transactions).toBe(1);
  });

  it('isolates one poison item of sixteen: only it fails, every other commits once, in at most 2·log2(16)+1 transactions', async () => {
    const items = Array.from({ length: 16 }, (_, i) => i);
    const store = fakeStore(new Set([11]));
    const outcome = await commitBisecting(items, store.commit);
    expect(outcome.map((o) => (o instanceof Error ? o.message : 'ok'))).toEqual(items.map((n) => (n === 11 ? 'item 11 is poison' : 'ok')));
    expect([...store.committed].sort((a, b) => a - b)).toEqual(items.filter((n) => n !== 11));
    expect(store.stats().transactions).toBeLessThanOrEqual(9);
  });

  it('never runs two parts at once, so the parts of one batch cannot deadlock each other', async () => {
    const store = fakeStore(new Set([0, 5, 9]));
    const outcome = await commitBisecting(
      Array.from({ length: 12 }, (_, i) => i),
      store.commit,
    );
    expect(outcome.filter((o) => o instanceof Error)).toHaveLength(3);
    expect(store.stats().maxInFlight).toBe(1);
  });

  it('does not split a batch that lost a deadlock: every item reports the conflict', async () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    let transactions = 0;
    const outcome = await commitBisecting([1, 2, 3, 4], async () => {
      transactions += 1;
      throw deadlock;
    });
    expect(outcome).toEqual([deadlock, deadlock, deadlock, deadlock]);
    expect(transactions).toBe(1);
  });
});
