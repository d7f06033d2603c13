import { Injectable } from '@nestjs/common';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { SearchCache } from './search-cache';
import type { SearchDocument } from './search-text';

/**
 * Units a product can sell: per live SKU, the most any channel publishes (one pool shared by
 * every channel, each showing its share of it), summed over the product's SKUs.
 */
const AVAILABLE_UNITS = `coalesce((SELECT sum(q.quantity)::int FROM sku s
   JOIN LATERAL (SELECT max(c.quantity) AS quantity FROM sku_channel_stock c WHERE c.sku_code = s.code) q ON true
  WHERE s.product_id = p.id AND NOT s.archived), 0)`;

/**
 * The product search document: one row per product, written in the transaction that changes
 * the product (so it never drifts from it), and its available units refreshed from stock events.
 */
@Injectable()
export class SearchDocuments {
  constructor(private readonly cache: SearchCache) {}

  /** After the product row is locked and changed: its document as the product now stands. */
  async write(tx: TransactionContext, productId: string, doc: SearchDocument): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO product_search AS d (product_id, code, title, body, grams, status, lifecycle_stage, portfolio_role, category_code, tags, min_price_fen, max_price_fen, available)
       SELECT p.id, p.code, lower(p.title), $2, $3, p.status, p.lifecycle_stage, p.portfolio_role, p.category_code, p.tags, p.min_price_fen, p.max_price_fen, ${AVAILABLE_UNITS}
         FROM product p WHERE p.id = $1
       ON CONFLICT (product_id) DO UPDATE SET code = EXCLUDED.code, title = EXCLUDED.title, body = EXCLUDED.body, grams = EXCLUDED.grams, status = EXCLUDED.status,
         lifecycle_stage = EXCLUDED.lifecycle_stage, portfolio_role = EXCLUDED.portfolio_role, category_code = EXCLUDED.category_code, tags = EXCLUDED.tags,
         min_price_fen = EXCLUDED.min_price_fen, max_price_fen = EXCLUDED.max_price_fen, available = EXCLUDED.available`,
      [productId, doc.text, doc.grams],
    );
    tx.afterCommit(() => this.cache.invalidate());
  }

  /**
   * Records what channels publish as sellable per SKU (newest first wins, so redelivered or late
   * events change nothing) and refreshes the available units of the products concerned.
   */
  async recordChannelStock(tx: TransactionContext, changes: ReadonlyArray<{ skuCode: string; channel: string; quantity: number; at: string }>): Promise<void> {
    if (changes.length === 0) return;
    // One row per key (the newest), in key order so concurrent batches lock alike.
    const newest = new Map<string, (typeof changes)[number]>();
    for (const c of changes) {
      const key = `${c.skuCode}\u0000${c.channel}`;
      const seen = newest.get(key);
      if (!seen || seen.at <= c.at) newest.set(key, c);
    }
    const rows = [...newest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
    const changed = await selectRows<{ sku_code: string }>(
      tx.em,
      `INSERT INTO sku_channel_stock AS s (sku_code, channel, quantity, changed_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[])
       ON CONFLICT (sku_code, channel) DO UPDATE SET quantity = EXCLUDED.quantity, changed_at = EXCLUDED.changed_at
        WHERE s.changed_at <= EXCLUDED.changed_at AND s.quantity <> EXCLUDED.quantity
       RETURNING sku_code`,
      [rows.map((r) => r.skuCode), rows.map((r) => r.channel), rows.map((r) => Math.max(0, r.quantity)), rows.map((r) => r.at)],
    );
    if (changed.length === 0) return;
    // Product rows are locked first, in id order, as product writes lock them; the update then
    // reads with a snapshot taken after the lock, so a write and a stock change never interleave.
    const locked = await selectRows<{ id: string }>(
      tx.em,
      `SELECT p.id FROM product p WHERE p.id IN (SELECT s.product_id FROM sku s WHERE s.code = ANY($1::text[])) ORDER BY p.id FOR UPDATE`,
      [[...new Set(changed.map((c) => c.sku_code))]],
    );
    if (locked.length === 0) return;
    const updated = await selectRows<{ product_id: string }>(
      tx.em,
      `UPDATE product_search d SET available = a.available
         FROM (SELECT p.id, ${AVAILABLE_UNITS} AS available FROM product p WHERE p.id = ANY($1::uuid[])) a
        WHERE d.product_id = a.id AND d.available <> a.available
       RETURNING d.product_id`,
      [locked.map((r) => r.id)],
    );
    if (updated.length > 0) tx.afterCommit(() => this.cache.invalidate());
  }
}
