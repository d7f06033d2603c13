import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created on first use by name. Field resolvers that reach other rows
 * go through one of these, so a list of 50 costs the same number of queries as a list of 5.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders batch results like the keys DataLoader asked for; missing keys become `fallback`. */
export function alignByKey<K, V, F = undefined>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, fallback?: F): Array<V | F> {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? (fallback as F));
}

/** Groups batch results per key, for one-to-many fields (a product's SKUs). */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
