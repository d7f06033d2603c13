import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, forbidden, invalidField, selectRows, toPage } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { Product, ProductStatus } from '../products/product.entity';
import { SearchCache } from './search-cache';
import { stockStatusOf, type ProductConnection, type SearchProductsArgs, type StockStatus } from './search.model';
import { likePattern, searchTerms } from './search-text';

/** Words matched through the trigram index one by one; any further ones are checked on those rows. */
const INDEXED_WORDS = 3;

/**
 * The page and the count of all matches in one statement, over the narrow search document.
 * Every keyword predicate is one PostgreSQL can answer from an index: all Chinese bigrams
 * (GIN over the gram array) and each Latin word by itself (`LIKE` over the trigram index; a
 * `LIKE ALL (array)` cannot use it). Unused parameters are NULL, which the planner folds away
 * (each statement is planned with its values). Titles holding the whole query rank first.
 */
export const SEARCH_STATEMENT = `
  WITH hits AS MATERIALIZED (
    SELECT d.product_id, d.code, d.available, CASE WHEN $1::text IS NOT NULL AND d.title LIKE $1 THEN 1 ELSE 0 END AS rank
      FROM product_search d
     WHERE (cardinality($2::text[]) = 0 OR d.grams @> $2::text[])
       AND ($3::text IS NULL OR d.body LIKE $3)
       AND ($4::text IS NULL OR d.body LIKE $4)
       AND ($5::text IS NULL OR d.body LIKE $5)
       AND (cardinality($6::text[]) = 0 OR d.body LIKE ALL ($6::text[]))
       AND d.status = ANY ($7::text[])
       AND ($8::text IS NULL OR d.category_code = $8
            OR d.category_code IN (SELECT c.code FROM category c, category root WHERE root.code = $8 AND c.path LIKE root.path || '/%'))
       AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM collection_product cp JOIN collection c ON c.id = cp.collection_id WHERE cp.product_id = d.product_id AND c.code = $9))
       AND ($10::int IS NULL OR d.max_price_fen >= $10)
       AND ($11::int IS NULL OR d.min_price_fen <= $11)
       AND ($12::text[] IS NULL OR d.portfolio_role = ANY ($12::text[]))
       AND ($13::text[] IS NULL OR d.lifecycle_stage = ANY ($13::text[]))
       AND (cardinality($14::text[]) = 0 OR d.tags @> $14::text[])
       AND (NOT $15::boolean OR (d.status = 'ON_SALE' AND d.lifecycle_stage <> 'EXIT'))
       AND ($16::text IS NULL OR $16 = CASE WHEN d.available <= 0 THEN 'OUT' WHEN d.available <= $17::int THEN 'LOW' ELSE 'IN_STOCK' END))
  SELECT t.total, h.rank AS search_rank, h.available AS search_available, p.*
    FROM (SELECT count(*)::int AS total FROM hits) t
    LEFT JOIN LATERAL (
      SELECT * FROM hits WHERE $18::int IS NULL OR rank < $18 OR (rank = $18 AND code > $19) ORDER BY rank DESC, code LIMIT $20) h ON true
    LEFT JOIN product p ON p.id = h.product_id
   ORDER BY h.rank DESC, h.code`;

export interface SearchRow {
  total: number;
  search_rank: number | null;
  search_available: number | null;
  [column: string]: unknown;
}

/** The statement's parameters for a search (also what the benchmark runs bare). */
export function searchParameters(args: SearchProductsArgs, onSaleOnly: boolean, lowStockUnits: number): unknown[] {
  const f = args.filter ?? {};
  const terms = args.query ? searchTerms(args.query) : { grams: [], words: [] };
  if (args.query && !terms.grams.length && !terms.words.length) throw invalidField('query', 'has no searchable characters');
  const [afterRank, afterCode] = args.after ? decodeCursor(args.after, 2) : [null, null];
  // Longest words first: they carry the most trigrams, so the index narrows most with them.
  const words = [...terms.words].sort((a, b) => b.length - a.length).map(likePattern);
  const indexed = Array.from({ length: INDEXED_WORDS }, (_, i) => words[i] ?? null);
  return [
    args.query ? likePattern(args.query.trim().toLowerCase()) : null,
    terms.grams,
    ...indexed,
    words.slice(INDEXED_WORDS),
    f.statuses?.length ? f.statuses : [ProductStatus.DRAFT, ProductStatus.ON_SALE],
    f.categoryCode ?? null,
    f.collectionCode ?? null,
    f.minPriceFen ?? null,
    f.maxPriceFen ?? null,
    f.roles?.length ? f.roles : null,
    f.stages?.length ? f.stages : null,
    f.tags ?? [],
    onSaleOnly,
    f.stockStatus ?? null,
    lowStockUnits,
    afterRank === null ? null : Number(afterRank),
    typeof afterCode === 'string' ? afterCode : null,
    args.first + 1,
  ];
}

/**
 * Keyword search with filters and cursor pagination over the product search documents, with
 * recent pages cached (cleared by every product write and stock change).
 */
@Injectable()
export class SearchService {
  /** Sellable units of products this process returned from search, for their stock status. */
  private readonly available = new WeakMap<Product, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: SearchCache,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  /** `onSaleOnly` for callers without a staff role: they may not filter by what they cannot see. */
  async search(args: SearchProductsArgs, onSaleOnly: boolean): Promise<ProductConnection> {
    const f = args.filter ?? {};
    if (onSaleOnly && f.roles?.length) throw forbidden('filter.roles needs a staff role');
    if (onSaleOnly && f.statuses?.some((s) => s !== ProductStatus.ON_SALE)) throw forbidden('filter.statuses other than ON_SALE needs a staff role');
    const parameters = searchParameters(args, onSaleOnly, this.config.search.lowStockUnits);
    return this.cache.get(JSON.stringify(parameters), () => this.run(parameters, args.first));
  }

  /** The stock status of a product this process found through search, if it did. */
  stockStatusFound(product: Product): StockStatus | undefined {
    const available = this.available.get(product);
    return available === undefined ? undefined : stockStatusOf(available, this.config.search.lowStockUnits);
  }

  private async run(parameters: unknown[], first: number): Promise<ProductConnection> {
    const rows = await selectRows<SearchRow>(this.dataSource, SEARCH_STATEMENT, parameters);
    const columns = this.dataSource.getMetadata(Product).columns;
    const found = rows
      .filter((r) => r.search_rank !== null)
      .map((row) => {
        const product = new Product();
        for (const column of columns) (product as unknown as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
        this.available.set(product, row.search_available ?? 0);
        return { product, rank: row.search_rank };
      });
    const page = toPage(found, first, (r) => [r.rank, r.product.code]);
    return { nodes: page.nodes.map((r) => r.product), pageInfo: page.pageInfo, totalCount: rows[0]?.total ?? 0 };
  }
}
