import { Injectable } from '@nestjs/common';
import { alignByKey, decodeCursor, forbidden, invalidField, selectRows, toPage, type Page } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import { Product, ProductStatus } from '../products/product.entity';
import type { SearchProductsArgs } from './search.model';
import { likePattern, searchTerms } from './search-text';

/**
 * Keyword search with filters and cursor pagination. Matches must hold every Chinese bigram
 * (GIN over the gram array) and every Latin word (trigram index over the text); products whose
 * title holds the whole query come first, then by code.
 */
@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  /** `onSaleOnly` for callers without a staff role: they may not filter by what they cannot see. */
  async search(args: SearchProductsArgs, onSaleOnly: boolean): Promise<Page<Product>> {
    const f = args.filter ?? {};
    if (onSaleOnly && f.roles?.length) throw forbidden('filter.roles needs a staff role');
    if (onSaleOnly && f.statuses?.some((s) => s !== ProductStatus.ON_SALE)) throw forbidden('filter.statuses other than ON_SALE needs a staff role');
    const terms = args.query ? searchTerms(args.query) : { grams: [], words: [] };
    if (args.query && !terms.grams.length && !terms.words.length) throw invalidField('query', 'has no searchable characters');
    const [afterRank, afterCode] = args.after ? decodeCursor(args.after, 2) : [null, null];
    const rows = await selectRows<{ id: string; rank: number; code: string }>(
      this.dataSource,
      `SELECT id, code, rank FROM (
         SELECT p.id, p.code, CASE WHEN $1::text IS NOT NULL AND lower(p.title) LIKE $1 THEN 1 ELSE 0 END AS rank
           FROM product p
          WHERE p.search_grams @> $2::text[]
            AND p.search_text LIKE ALL ($3::text[])
            AND p.status = ANY ($4::text[])
            AND ($5::text IS NULL OR p.category_code IN (SELECT c.code FROM category c, category root WHERE root.code = $5 AND (c.path = root.path OR c.path LIKE root.path || '/%')) OR p.category_code = $5)
            AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM collection_product cp JOIN collection c ON c.id = cp.collection_id WHERE cp.product_id = p.id AND c.code = $6))
            AND ($7::int IS NULL OR p.max_price_fen >= $7)
            AND ($8::int IS NULL OR p.min_price_fen <= $8)
            AND ($9::text[] IS NULL OR p.portfolio_role = ANY ($9))
            AND ($10::text[] IS NULL OR p.lifecycle_stage = ANY ($10))
            AND p.tags @> $11::text[]
            AND (NOT $15::boolean OR (p.status = 'ON_SALE' AND p.lifecycle_stage <> 'EXIT'))
       ) hits
       WHERE $12::int IS NULL OR rank < $12 OR (rank = $12 AND code > $13)
       ORDER BY rank DESC, code
       LIMIT $14`,
      [
        args.query ? likePattern(args.query.trim().toLowerCase()) : null,
        terms.grams,
        terms.words.map(likePattern),
        f.statuses?.length ? f.statuses : [ProductStatus.DRAFT, ProductStatus.ON_SALE],
        f.categoryCode ?? null,
        f.collectionCode ?? null,
        f.minPriceFen ?? null,
        f.maxPriceFen ?? null,
        f.roles?.length ? f.roles : null,
        f.stages?.length ? f.stages : null,
        f.tags ?? [],
        afterRank === null ? null : Number(afterRank),
        typeof afterCode === 'string' ? afterCode : null,
        args.first + 1,
        onSaleOnly,
      ],
    );
    const products = await this.dataSource.getRepository(Product).findBy({ id: In(rows.map((r) => r.id)) });
    const ordered = alignByKey(
      rows.map((r) => r.id),
      products,
      (p) => p.id,
    ).filter((p): p is Product => p !== undefined);
    const ranks = new Map(rows.map((r) => [r.id, r.rank]));
    return toPage(ordered, args.first, (p) => [ranks.get(p.id), p.code]);
  }
}
