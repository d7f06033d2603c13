import { Injectable } from '@nestjs/common';
import { execute, NotFoundError, refuse, selectRows, type TransactionContext } from '@shopops/platform';
import { SearchDocuments } from '../search/search-documents';
import { searchDocument } from '../search/search-text';
import { Product } from './product.entity';

/** The product as stored, with what its search document and price band are built from. */
interface ProductSnapshotRow {
  code: string;
  title: string;
  subtitle: string | null;
  keywords: string[];
  tags: string[];
  brand: string | null;
  category_name: string | null;
  materials: Array<{ name: string }>;
  skus: Array<{ code: string; list_price_fen: number; archived: boolean }>;
  /** Every other column of the product goes into the snapshot as it is. */
  [column: string]: unknown;
}

/**
 * The one way a product changes: lock it, change it, record the version. Every folder that
 * changes a product (media, lifecycle, collections, portfolio, pricing) goes through here.
 */
@Injectable()
export class ProductWriter {
  constructor(private readonly searchDocuments: SearchDocuments) {}

  async lock(tx: TransactionContext, code: string): Promise<Product> {
    const product = await tx.repo(Product).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    return product ?? refuse(NotFoundError.of('Product', code));
  }

  /**
   * Bumps the version and snapshots the product with its SKUs; refreshes its price band and,
   * in the same transaction, its search document. Every change goes through here.
   */
  async recordVersion(tx: TransactionContext, productId: string, change: string): Promise<Product> {
    const [row] = await selectRows<ProductSnapshotRow>(
      tx.em,
      `SELECT p.*, c.name AS category_name,
              coalesce((SELECT json_agg(s ORDER BY s.code) FROM sku s WHERE s.product_id = p.id), '[]') AS skus
         FROM product p LEFT JOIN category c ON c.code = p.category_code WHERE p.id = $1`,
      [productId],
    );
    const live = row.skus.filter((s) => !s.archived);
    const doc = searchDocument([
      row.title,
      row.subtitle,
      ...row.keywords,
      ...row.tags,
      row.brand,
      row.category_name,
      row.code,
      ...row.materials.map((m) => m.name),
      ...row.skus.map((s) => s.code),
    ]);
    const prices = live.map((s) => s.list_price_fen);
    const { category_name: _category, ...snapshot } = row;
    await execute(
      tx.em,
      `WITH bumped AS (
         UPDATE product SET version = version + 1, updated_at = now(), min_price_fen = $2, max_price_fen = $3
          WHERE id = $1 RETURNING version)
       INSERT INTO product_version (product_id, version, actor, change, snapshot) SELECT $1, version, $4, $5, $6 FROM bumped`,
      [productId, prices.length ? Math.min(...prices) : null, prices.length ? Math.max(...prices) : null, tx.identity.subject, change.slice(0, 500), snapshot],
    );
    await this.searchDocuments.write(tx, productId, doc);
    return tx.repo(Product).findOneByOrFail({ id: productId });
  }
}

/** The payload of ProductUpdated and ProductArchived. */
export function changePayload(product: Product, changedFields: string[]) {
  return {
    productId: product.id,
    code: product.code,
    version: product.version,
    title: product.title,
    ...(product.categoryCode ? { categoryCode: product.categoryCode } : {}),
    tags: product.tags,
    changedFields,
    status: product.status,
  };
}
