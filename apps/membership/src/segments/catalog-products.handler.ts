import { Injectable } from '@nestjs/common';
import {
  ProductCreated,
  ProductUpdated,
  SkuCreated,
  type EventEnvelope,
  type ProductChangedPayload,
  type ProductCreatedPayload,
  type SkuCreatedPayload,
} from '@shopops/contracts';
import { execute, OnEventBatch, type TransactionContext } from '@shopops/platform';

/**
 * What membership needs of the catalog for style tags: each product's tags (the newest version
 * wins, whatever the arrival order) and each SKU's product, so that events naming a SKU count
 * toward its product's styles.
 */
@Injectable()
export class CatalogProductsHandler {
  @OnEventBatch(ProductCreated, ProductUpdated)
  async learnProducts(tx: TransactionContext, events: Array<EventEnvelope<ProductCreatedPayload | ProductChangedPayload>>): Promise<void> {
    // Created carries no version: it is the oldest state, version 0.
    const version = (p: ProductCreatedPayload | ProductChangedPayload) => ('version' in p ? p.version : 0);
    const newest = new Map<string, ProductCreatedPayload | ProductChangedPayload>();
    for (const { payload } of events) {
      const seen = newest.get(payload.code);
      if (!seen || version(payload) >= version(seen)) newest.set(payload.code, payload);
    }
    const products = [...newest.values()];
    await execute(
      tx.em,
      `INSERT INTO catalog_product (product_code, tags, version)
       SELECT code, coalesce((SELECT array_agg(t) FROM jsonb_array_elements_text(tags) t), '{}'), version FROM unnest($1::text[], $2::jsonb[], $3::int[]) AS p(code, tags, version)
       ON CONFLICT (product_code) DO UPDATE SET tags = EXCLUDED.tags, version = EXCLUDED.version WHERE catalog_product.version <= EXCLUDED.version`,
      [products.map((p) => p.code), products.map((p) => JSON.stringify(p.tags ?? [])), products.map(version)],
    );
  }

  @OnEventBatch(SkuCreated)
  async learnSkus(tx: TransactionContext, events: Array<EventEnvelope<SkuCreatedPayload>>): Promise<void> {
    const skus = new Map(events.map((e) => [e.payload.code, e.payload.productCode]));
    await execute(
      tx.em,
      `INSERT INTO catalog_sku (sku_code, product_code) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (sku_code) DO UPDATE SET product_code = EXCLUDED.product_code`,
      [[...skus.keys()], [...skus.values()]],
    );
  }
}
