import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { decodeCursor, forbidden, invalidField, toPage } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { Product, ProductStatus } from '../products/product.entity';
import { SearchCache } from './search-cache';
import { StockStatus, stockStatusOf, type ProductConnection, type SearchProductsArgs } from './search.model';
import { preparedRows } from './prepared-statement';
import { likePattern, searchTerms } from './search-text';

/** Words matched through the trigram index one by one; any further ones are checked on those rows. */
const INDEXED_WORDS = 3;

/** Documents in a stock status, by their `available` units (`low()` binds the low-stock threshold). */
const STOCK_PREDICATES: Record<StockStatus, (low: () => string) => string> = {
  [StockStatus.OUT]: () => `d.available <= 0`,
  [StockStatus.LOW]: (low) => `d.available > 0 AND d.available <= ${low()}`,
  [StockStatus.IN_STOCK]: (low) => `d.available > ${low()}`,
};

/** A search statement with its values, and the name it is prepared under on each connection. */
export interface SearchStatement {
  readonly name: string;
  readonly text: string;
  readonly values: unknown[];
}

const statementNames = new Map<string, string>();

/** One prepared statement per shape of search: the name is a digest of its text. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `catalog_search_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * The page and the count of all matches in one statement, over the narrow search document.
 * It holds only the predicates this search has (each from a fixed fragment, every value a
 * parameter), so each shape is planned for what it asks and can be prepared once per
 * connection. Every keyword predicate is one PostgreSQL can answer from an index: all Chinese
 * bigrams (GIN over the gram array) and each Latin word by itself (`LIKE` over the trigram
 * index; a `LIKE ALL (array)` cannot use it). Titles holding the whole query rank first.
 */
export function searchStatement(args: SearchProductsArgs, onSaleOnly: boolean, lowStockUnits: number): SearchStatement {
  const f = args.filter ?? {};
  const terms = args.query ? searchTerms(args.query) : { grams: [], words: [] };
  if (args.query && !terms.grams.length && !terms.words.length) throw invalidField('query', 'has no searchable characters');
  const [afterRank, afterCode] = args.after ? decodeCursor(args.after, 2) : [null, null];
  if (args.after && (typeof afterRank !== 'number' || !Number.isInteger(afterRank) || typeof afterCode !== 'string')) {
    throw invalidField('after', 'is not a cursor this list issued');
  }
  const values: unknown[] = [];
  const bind = (value: unknown, type: string): string => {
    values.push(value);
    return `$${values.length}::${type}`;
  };
  const where: string[] = [];
  if (terms.grams.length) where.push(`d.grams @> ${bind(terms.grams, 'text[]')}`);
  // Longest words first: they carry the most trigrams, so the index narrows most with them.
  const words = [...terms.words].sort((a, b) => b.length - a.length).map(likePattern);
  for (const word of words.slice(0, INDEXED_WORDS)) where.push(`d.body LIKE ${bind(word, 'text')}`);
  if (words.length > INDEXED_WORDS) where.push(`d.body LIKE ALL (${bind(words.slice(INDEXED_WORDS), 'text[]')})`);
  where.push(`d.status = ANY (${bind(f.statuses?.length ? f.statuses : [ProductStatus.DRAFT, ProductStatus.ON_SALE], 'text[]')})`);
  if (f.categoryCode !== undefined && f.categoryCode !== null) {
    const category = bind(f.categoryCode, 'text');
    where.push(`(d.category_code = ${category}
            OR d.category_code IN (SELECT c.code FROM category c, category root WHERE root.code = ${category} AND c.path LIKE root.path || '/%'))`);
  }
  if (f.collectionCode !== undefined && f.collectionCode !== null) {
    where.push(
      `EXISTS (SELECT 1 FROM collection_product cp JOIN collection c ON c.id = cp.collection_id WHERE cp.product_id = d.product_id AND c.code = ${bind(f.collectionCode, 'text')})`,
    );
  }
  if (f.minPriceFen !== undefined && f.minPriceFen !== null) where.push(`d.max_price_fen >= ${bind(f.minPriceFen, 'int')}`);
  if (f.maxPriceFen !== undefined && f.maxPriceFen !== null) where.push(`d.min_price_fen <= ${bind(f.maxPriceFen, 'int')}`);
  if (f.roles?.length) where.push(`d.portfolio_role = ANY (${bind(f.roles, 'text[]')})`);
  if (f.stages?.length) where.push(`d.lifecycle_stage = ANY (${bind(f.stages, 'text[]')})`);
  if (f.tags?.length) where.push(`d.tags @> ${bind(f.tags, 'text[]')}`);
  if (onSaleOnly) where.push(`d.status = 'ON_SALE' AND d.lifecycle_stage <> 'EXIT'`);
  if (f.stockStatus) where.push(STOCK_PREDICATES[f.stockStatus](() => bind(lowStockUnits, 'int')));
  const rank = args.query ? `CASE WHEN d.title LIKE ${bind(likePattern(args.query.trim().toLowerCase()), 'text')} THEN 1 ELSE 0 END` : '0';
  let after = '';
  if (args.after) {
    const afterRankValue = bind(afterRank, 'int');
    after = `WHERE rank < ${afterRankValue} OR (rank = ${afterRankValue} AND code > ${bind(afterCode, 'text')})`;
  }
  const text = `
  WITH hits AS MATERIALIZED (
    SELECT d.product_id, d.code, d.available, ${rank} AS rank
      FROM product_search d
     WHERE ${where.join('\n       AND ')})
  SELECT t.total, h.rank AS search_rank, h.available AS search_available, p.*
    FROM (SELECT count(*)::int AS total FROM hits) t
    LEFT JOIN LATERAL (SELECT * FROM hits ${after} ORDER BY rank DESC, code LIMIT ${bind(args.first + 1, 'int')}) h ON true
    LEFT JOIN product p ON p.id = h.product_id
   ORDER BY h.rank DESC, h.code`;
  return { name: statementName(text), text, values };
}

export interface SearchRow {
  total: number;
  search_rank: number | null;
  search_available: number | null;
  [column: string]: unknown;
}

/**
 * Keyword search with filters and cursor pagination over the product search documents, with
 * recent pages cached (cleared by every product write and stock change).
 */
@Injectable()
export class SearchService {
  /** Sellable units of products this process returned from search, for their stock status. */
  private readonly available = new WeakMap<Product, number>();
  /** The product entity's properties and the columns they come from, read once. */
  private productColumns?: ReadonlyArray<readonly [string, string]>;

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
    const statement = searchStatement(args, onSaleOnly, this.config.search.lowStockUnits);
    return this.cache.get(`${statement.name}${JSON.stringify(statement.values)}`, () => this.run(statement, args.first));
  }

  /** The stock status of a product this process found through search, if it did. */
  stockStatusFound(product: Product): StockStatus | undefined {
    const available = this.available.get(product);
    return available === undefined ? undefined : stockStatusOf(available, this.config.search.lowStockUnits);
  }

  private async run(statement: SearchStatement, first: number): Promise<ProductConnection> {
    const rows = await preparedRows<SearchRow>(this.dataSource, statement);
    this.productColumns ??= this.dataSource.getMetadata(Product).columns.map((c) => [c.propertyName, c.databaseName] as const);
    const found: Array<{ product: Product; rank: number }> = [];
    for (const row of rows) {
      if (row.search_rank === null) continue;
      const product = new Product() as unknown as Record<string, unknown>;
      for (const [property, column] of this.productColumns) product[property] = row[column];
      this.available.set(product as unknown as Product, row.search_available ?? 0);
      found.push({ product: product as unknown as Product, rank: row.search_rank });
    }
    const page = toPage(found, first, (r) => [r.rank, r.product.code]);
    return { nodes: page.nodes.map((r) => r.product), pageInfo: page.pageInfo, totalCount: rows[0]?.total ?? 0 };
  }
}
