import { isTransientConflict } from '../database/transient-conflict';

/** One result per item, in order: nothing when it committed, its Error when it did not. */
export type BatchOutcome = Array<void | Error>;

/**
 * Commits a batch whole when it can; when it fails, commits each half on its own, and so on,
 * until every failing item is alone. A poison item therefore fails only itself, in about
 * 2·log2(n) extra transactions, and its neighbours commit. A lost deadlock or serialization
 * conflict says nothing about the items, so it is not split: the whole batch reports it.
 */
export async function commitBisecting<T>(items: readonly T[], commit: (items: readonly T[]) => Promise<void>): Promise<BatchOutcome> {
  try {
    await commit(items);
    return items.map(() => undefined);
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    if (items.length === 1 || isTransientConflict(error)) return items.map(() => error);
    const middle = Math.ceil(items.length / 2);
    // One half after the other: run together, the halves would contend for the same rows.
    const first = await commitBisecting(items.slice(0, middle), commit);
    const second = await commitBisecting(items.slice(middle), commit);
    return [...first, ...second];
  }
}
