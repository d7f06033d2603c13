import { Inject, Injectable } from '@nestjs/common';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

/**
 * Recent search pages, bounded in count and age. Every product write and stock change clears
 * it once it commits; a page computed while a change was committing is not kept, so a search
 * after an update never answers from before it.
 */
@Injectable()
export class SearchCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private generation = 0;

  constructor(@Inject(CATALOG_CONFIG) private readonly config: CatalogConfig) {}

  /** The cached page for `key`, or `compute`'s, kept only if nothing changed meanwhile. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const { cacheSize, cacheTtlMs } = this.config.search;
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.expiresAt > now) return hit.value as T;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const value = await compute();
    if (cacheSize > 0 && generation === this.generation) {
      // Maps keep insertion order: the first key is the oldest.
      if (this.entries.size >= cacheSize) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, expiresAt: now + cacheTtlMs });
    }
    return value;
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
