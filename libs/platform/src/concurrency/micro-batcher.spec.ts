import { KeyedMicroBatcher, MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('hands concurrent submissions to one run and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>({
      maxBatch: 100,
      maxWaitMs: 5,
      run: async (items) => {
        batches.push(items);
        return items.map((n) => n * 2);
      },
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('never exceeds maxBatch and runs batches one after another', async () => {
    let running = 0;
    let maxRunning = 0;
    const sizes: number[] = [];
    const batcher = new MicroBatcher<number, number>({
      maxBatch: 3,
      maxWaitMs: 0,
      run: async (items) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        sizes.push(items.length);
        await new Promise((r) => setTimeout(r, 2));
        running -= 1;
        return items;
      },
    });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(i)));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(maxRunning).toBe(1);
  });

  it('rejects only the callers whose item failed, and all of a batch whose run threw', async () => {
    const partial = new MicroBatcher<number, number>({
      maxBatch: 10,
      maxWaitMs: 1,
      run: async (items) => items.map((n) => (n % 2 ? new Error(`odd ${n}`) : n)),
    });
    const settled = await Promise.allSettled([1, 2].map((n) => partial.submit(n)));
    expect(settled[0]).toMatchObject({ status: 'rejected', reason: new Error('odd 1') });
    expect(settled[1]).toMatchObject({ status: 'fulfilled', value: 2 });

    const broken = new MicroBatcher<number, number>({ maxBatch: 10, maxWaitMs: 1, run: async () => Promise.reject(new Error('db down')) });
    await expect(broken.submit(1)).rejects.toThrow('db down');
  });

  it('keeps keys apart', async () => {
    const seen: Array<[string, number[]]> = [];
    const keyed = new KeyedMicroBatcher<string, number, string>({
      maxBatch: 10,
      maxWaitMs: 2,
      run: async (key, items) => {
        seen.push([key, items]);
        return items.map((n) => `${key}${n}`);
      },
    });
    const results = await Promise.all([keyed.submit('a', 1), keyed.submit('b', 2), keyed.submit('a', 3)]);
    expect(results).toEqual(['a1', 'b2', 'a3']);
    expect(seen.sort()).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });
});
