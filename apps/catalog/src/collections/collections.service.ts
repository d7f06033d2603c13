import { Injectable } from '@nestjs/common';
import { CollectionRunChanged } from '@shopops/contracts';
import { invalidField, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ProductWriter } from '../products/product-writer';
import { Collection, CollectionKind, type CollectionInput } from './collections.model';

interface CollectionRow {
  id: string;
  code: string;
  name: string;
  kind: CollectionKind;
  partner: string | null;
  limited_run: number | null;
  region_codes: string[];
  theme: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  run_version: number;
}

/** Collections: IP collaborations and co-brands with a limited run, regional editions, seasonal themes. */
@Injectable()
export class CollectionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly writer: ProductWriter,
  ) {}

  upsert(ctx: RequestContext, input: CollectionInput): Promise<Collection> {
    if (input.startsAt && input.endsAt && new Date(input.endsAt) <= new Date(input.startsAt)) throw invalidField('endsAt', 'must be after startsAt');
    if (input.kind === CollectionKind.REGIONAL && !input.regionCodes?.length) throw invalidField('regionCodes', 'are required for a regional edition');
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<CollectionRow>(
        tx.em,
        `INSERT INTO collection (code, name, kind, partner, limited_run, region_codes, theme, starts_at, ends_at, run_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, partner = EXCLUDED.partner, limited_run = EXCLUDED.limited_run,
           region_codes = EXCLUDED.region_codes, theme = EXCLUDED.theme, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
           run_version = collection.run_version + 1
         RETURNING *`,
        [
          input.code,
          input.name,
          input.kind,
          input.partner ?? null,
          input.limitedRun ?? null,
          input.regionCodes ?? [],
          input.theme ?? null,
          input.startsAt ?? null,
          input.endsAt ?? null,
        ],
      );
      await this.announceRun(tx, row);
      return toCollection(row);
    });
  }

  /** Adds products to a collection (idempotent); each product gets a new version. */
  addProducts(ctx: RequestContext, collectionCode: string, productCodes: string[]): Promise<Collection | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const collection = await selectRow<CollectionRow>(tx.em, `SELECT * FROM collection WHERE code = $1`, [collectionCode]);
      if (!collection) refuse(NotFoundError.of('Collection', collectionCode));
      const products = await selectRows<{ id: string; code: string }>(tx.em, `SELECT id, code FROM product WHERE code = ANY($1)`, [productCodes]);
      const missing = productCodes.filter((c) => !products.some((p) => p.code === c));
      if (missing.length) refuse(NotFoundError.of('Product', missing.join(', ')));
      const added = await selectRows<{ product_id: string }>(
        tx.em,
        `INSERT INTO collection_product (collection_id, product_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING product_id`,
        [collection.id, products.map((p) => p.id)],
      );
      for (const { product_id } of added) await this.writer.recordVersion(tx, product_id, `added to collection ${collectionCode}`);
      if (added.length) {
        const [bumped] = await selectRows<CollectionRow>(tx.em, `UPDATE collection SET run_version = run_version + 1 WHERE id = $1 RETURNING *`, [
          collection.id,
        ]);
        await this.announceRun(tx, bumped);
      }
      return toCollection(collection);
    });
  }

  /** Inventory enforces a limited run over the SKUs of the collection's products; every change is sent, versioned. */
  private async announceRun(tx: TransactionContext, row: CollectionRow): Promise<void> {
    const skus = await selectRows<{ code: string }>(
      tx.em,
      `SELECT s.code FROM collection_product cp JOIN sku s ON s.product_id = cp.product_id WHERE cp.collection_id = $1 ORDER BY s.code`,
      [row.id],
    );
    tx.emit(CollectionRunChanged, {
      collectionId: row.id,
      code: row.code,
      version: row.run_version,
      skuCodes: skus.map((s) => s.code),
      ...(row.limited_run !== null ? { limitedRun: row.limited_run } : {}),
    });
  }

  /** `onSaleOnly` for callers without a staff role: a collection shows once one of its products is on sale. */
  async list(kind: CollectionKind | undefined, currentOnly: boolean, onSaleOnly: boolean): Promise<Collection[]> {
    const rows = await selectRows<CollectionRow>(
      this.dataSource,
      `SELECT * FROM collection c WHERE ($1::text IS NULL OR kind = $1)
          AND (NOT $2 OR ((starts_at IS NULL OR starts_at <= now()) AND (ends_at IS NULL OR ends_at > now())))
          AND (NOT $3::boolean OR EXISTS (SELECT 1 FROM collection_product cp JOIN product p ON p.id = cp.product_id
                                           WHERE cp.collection_id = c.id AND p.status = 'ON_SALE' AND p.lifecycle_stage <> 'EXIT'))
        ORDER BY starts_at DESC NULLS LAST, code`,
      [kind ?? null, currentOnly, onSaleOnly],
    );
    return rows.map(toCollection);
  }

  async ofProducts(productIds: readonly string[]): Promise<Array<Collection & { productId: string }>> {
    const rows = await selectRows<CollectionRow & { product_id: string }>(
      this.dataSource,
      `SELECT c.*, cp.product_id FROM collection_product cp JOIN collection c ON c.id = cp.collection_id WHERE cp.product_id = ANY($1::uuid[]) ORDER BY c.code`,
      [productIds],
    );
    return rows.map((r) => Object.assign(toCollection(r), { productId: r.product_id }));
  }
}

function toCollection(r: CollectionRow): Collection {
  const now = Date.now();
  return Object.assign(new Collection(), {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    partner: r.partner,
    limitedRun: r.limited_run,
    regionCodes: r.region_codes,
    theme: r.theme,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    current: (!r.starts_at || r.starts_at.getTime() <= now) && (!r.ends_at || r.ends_at.getTime() > now),
  });
}
