import { Injectable } from '@nestjs/common';
import { PriceChanged, ProductArchived, ProductCreated, ProductUpdated, SkuCreated } from '@shopops/contracts';
import { InvalidStateError, isUniqueViolation, NotFoundError, refuse, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import { searchDocument } from '../search/search-text';
import type { CreateProductInput, CreateSkuInput, ProductDetailsInput, UpdateProductInput } from './dto/create-product.input';
import { DuplicateCodeError, VersionConflictError } from './product-errors';
import { Product, ProductStatus } from './product.entity';
import { Sku } from './sku.entity';

export type CreateProductOutcome = Product | DuplicateCodeError;
export type UpdateProductOutcome = Product | NotFoundError | VersionConflictError | DuplicateCodeError | InvalidStateError;

/** Column per descriptive input field; arrays and JSON are passed as such. */
const DETAIL_COLUMNS: Record<keyof ProductDetailsInput, string> = {
  subtitle: 'subtitle',
  categoryCode: 'category_code',
  keywords: 'keywords',
  brand: 'brand',
  brandStory: 'brand_story',
  designerNotes: 'designer_notes',
  tags: 'tags',
  materials: 'materials',
  care: 'care',
  carbonFootprintGrams: 'carbon_footprint_grams',
  portfolioRole: 'portfolio_role',
};

/**
 * Products and their SKUs: create, update, archive. Every change bumps the version, keeps a
 * snapshot of the product as it became, refreshes what search reads, and emits its event in the
 * same transaction.
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  async createProduct(ctx: RequestContext, input: CreateProductInput): Promise<CreateProductOutcome> {
    const repeated = repeatedCodes(input.skus.flatMap((s) => [s.code, ...(s.barcode ? [s.barcode] : [])]));
    if (repeated.length > 0) return DuplicateCodeError.of(repeated);
    return this.racingForCodes([input.code, ...input.skus.map((s) => s.code)], () =>
      this.unitOfWork.run(ctx, (tx) => this.createIn(tx, input)),
    );
  }

  /** Inside a caller's transaction (bulk import creates many). */
  async createIn(tx: TransactionContext, input: CreateProductInput): Promise<Product> {
    const taken = await this.takenCodes(tx, [input.code], input.skus);
    if (taken.length > 0) refuse(DuplicateCodeError.of(taken));
    const details = this.detailValues(input);
    // Column names come from DETAIL_COLUMNS only; every value is a parameter.
    const columns = ['code', 'title', 'version', ...details.columns];
    const [{ id }] = (await tx.em.query(`INSERT INTO product (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, [
      input.code,
      input.title,
      0,
      ...details.values,
    ])) as Array<{ id: string }>;
    const skus = await this.insertSkus(tx, id, input.skus, tx.identity.subject);
    const product = await this.recordVersion(tx, id, 'created');
    const snapshots = skus.map((s) => ({ skuId: s.id, code: s.code, listPriceFen: s.listPriceFen, options: Object.fromEntries(s.options.map((o) => [o.name, o.value])) }));
    const category = product.categoryCode ? { categoryCode: product.categoryCode } : {};
    tx.emit(ProductCreated, { productId: id, code: product.code, title: product.title, ...category, skus: snapshots });
    for (const sku of snapshots) tx.emit(SkuCreated, { ...sku, productId: id, productCode: product.code, ...category });
    return product;
  }

  async updateProduct(ctx: RequestContext, input: UpdateProductInput): Promise<UpdateProductOutcome> {
    return this.racingForCodes((input.addSkus ?? []).map((s) => s.code), () =>
      this.unitOfWork.run(ctx, async (tx) => {
        const current = await this.lock(tx, input.code);
        if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) refuse(VersionConflictError.of(input.expectedVersion, current.version));
        if (current.status === ProductStatus.ARCHIVED) refuse(InvalidStateError.of('Product', current.status, 'be changed'));
        const details = this.detailValues(input);
        const columns = [...(input.title !== undefined ? ['title'] : []), ...details.columns];
        const values = [...(input.title !== undefined ? [input.title] : []), ...details.values];
        if (columns.length) await tx.em.query(`UPDATE product SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [current.id, ...values]);
        const added = input.addSkus?.length ? await this.addSkus(tx, current, input.addSkus) : [];
        const changed = [...Object.keys(input).filter((k) => k !== 'code' && k !== 'expectedVersion' && k !== 'addSkus'), ...(added.length ? ['skus'] : [])].sort();
        const product = await this.recordVersion(tx, current.id, `updated: ${changed.join(', ') || 'nothing'}`);
        tx.emit(ProductUpdated, changePayload(product, changed));
        return product;
      }),
    );
  }

  archiveProduct(ctx: RequestContext, code: string, reason: string): Promise<Product | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const current = await this.lock(tx, code);
      if (current.status === ProductStatus.ARCHIVED) return current;
      await tx.em.query(`UPDATE product SET status = 'ARCHIVED', archived_at = now() WHERE id = $1`, [current.id]);
      const product = await this.recordVersion(tx, current.id, `archived: ${reason}`);
      tx.emit(ProductArchived, changePayload(product, ['status']));
      return product;
    });
  }

  /** Sets a SKU's list price; the history feeds price honesty. */
  setListPrice(ctx: RequestContext, skuCode: string, listPriceFen: number): Promise<Sku | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [sku] = (await tx.em.query(`SELECT id, product_id, list_price_fen FROM sku WHERE code = $1 FOR UPDATE`, [skuCode])) as Array<{ id: string; product_id: string; list_price_fen: number }>;
      if (!sku) refuse(NotFoundError.of('Sku', skuCode));
      if (sku.list_price_fen !== listPriceFen) {
        await tx.em.query(`UPDATE sku SET list_price_fen = $2 WHERE id = $1`, [sku.id, listPriceFen]);
        await tx.em.query(`INSERT INTO price_history (sku_id, list_price_fen, actor) VALUES ($1, $2, $3)`, [sku.id, listPriceFen, ctx.identity.subject]);
        await this.recordVersion(tx, sku.product_id, `list price of ${skuCode}: ${sku.list_price_fen} → ${listPriceFen}`);
        tx.emit(PriceChanged, { skuId: sku.id, skuCode, kind: 'LIST', previousPriceFen: sku.list_price_fen, priceFen: listPriceFen });
      }
      return tx.repo(Sku).findOneByOrFail({ id: sku.id });
    });
  }

  findByCodes(codes: readonly string[]): Promise<Product[]> {
    return this.dataSource.getRepository(Product).findBy({ code: In([...codes]) });
  }

  findByIds(ids: readonly string[]): Promise<Product[]> {
    return this.dataSource.getRepository(Product).findBy({ id: In([...ids]) });
  }

  async versionsOf(productId: string, first: number): Promise<Array<{ version: number; actor: string; change: string; at: Date }>> {
    return this.dataSource.query(`SELECT version, actor, change, at FROM product_version WHERE product_id = $1 ORDER BY version DESC LIMIT $2`, [productId, first]);
  }

  async lock(tx: TransactionContext, code: string): Promise<Product> {
    const product = await tx.repo(Product).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    return product ?? refuse(NotFoundError.of('Product', code));
  }

  /**
   * Bumps the version and snapshots the product with its SKUs; refreshes its search document
   * and price band. Every change goes through here.
   */
  async recordVersion(tx: TransactionContext, productId: string, change: string): Promise<Product> {
    const [row] = (await tx.em.query(
      `SELECT p.*, c.name AS category_name,
              coalesce((SELECT json_agg(s ORDER BY s.code) FROM sku s WHERE s.product_id = p.id), '[]') AS skus
         FROM product p LEFT JOIN category c ON c.code = p.category_code WHERE p.id = $1`,
      [productId],
    )) as Array<Record<string, unknown> & { skus: Array<{ code: string; list_price_fen: number; archived: boolean }>; materials: Array<{ name: string }> }>;
    const live = row.skus.filter((s) => !s.archived);
    const doc = searchDocument([
      row.title as string,
      row.subtitle as string | null,
      ...(row.keywords as string[]),
      ...(row.tags as string[]),
      row.brand as string | null,
      row.category_name as string | null,
      row.code as string,
      ...row.materials.map((m) => m.name),
      ...row.skus.map((s) => s.code),
    ]);
    const prices = live.map((s) => s.list_price_fen);
    const { category_name: _category, ...snapshot } = row;
    await tx.em.query(
      `WITH bumped AS (
         UPDATE product SET version = version + 1, updated_at = now(), search_text = $2, search_grams = $3, min_price_fen = $4, max_price_fen = $5
          WHERE id = $1 RETURNING version)
       INSERT INTO product_version (product_id, version, actor, change, snapshot) SELECT $1, version, $6, $7, $8 FROM bumped`,
      [productId, doc.text, doc.grams, prices.length ? Math.min(...prices) : null, prices.length ? Math.max(...prices) : null, tx.identity.subject, change.slice(0, 500), { ...snapshot, search_text: undefined, search_grams: undefined }],
    );
    return tx.repo(Product).findOneByOrFail({ id: productId });
  }

  private async addSkus(tx: TransactionContext, product: Product, skus: CreateSkuInput[]): Promise<Sku[]> {
    const taken = await this.takenCodes(tx, [], skus);
    if (taken.length > 0) refuse(DuplicateCodeError.of(taken));
    const added = await this.insertSkus(tx, product.id, skus, tx.identity.subject);
    for (const s of added) {
      tx.emit(SkuCreated, {
        skuId: s.id,
        code: s.code,
        listPriceFen: s.listPriceFen,
        options: Object.fromEntries(s.options.map((o) => [o.name, o.value])),
        productId: product.id,
        productCode: product.code,
        ...(product.categoryCode ? { categoryCode: product.categoryCode } : {}),
      });
    }
    return added;
  }

  private async insertSkus(tx: TransactionContext, productId: string, skus: CreateSkuInput[], actor: string): Promise<Sku[]> {
    const rows = (await tx.em.query(
      `WITH inserted AS (
         INSERT INTO sku (product_id, code, list_price_fen, options, barcode, weight_grams)
         SELECT $1, code, price, options, barcode, weight FROM unnest($2::text[], $3::int[], $4::jsonb[], $5::text[], $6::int[]) AS t(code, price, options, barcode, weight)
         RETURNING id, code, list_price_fen, options),
       history AS (INSERT INTO price_history (sku_id, list_price_fen, actor) SELECT id, list_price_fen, $7 FROM inserted)
       SELECT * FROM inserted ORDER BY code`,
      [
        productId,
        skus.map((s) => s.code),
        skus.map((s) => s.listPriceFen),
        skus.map((s) => JSON.stringify((s.options ?? []).map((o) => ({ name: o.name, value: o.value })))),
        skus.map((s) => s.barcode ?? null),
        skus.map((s) => s.weightGrams ?? null),
        actor,
      ],
    )) as Array<{ id: string; code: string; list_price_fen: number; options: Array<{ name: string; value: string }> }>;
    return rows.map((r) => Object.assign(new Sku(), { id: r.id, productId, code: r.code, listPriceFen: r.list_price_fen, options: r.options }));
  }

  private detailValues(input: ProductDetailsInput): { columns: string[]; values: unknown[] } {
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const [field, column] of Object.entries(DETAIL_COLUMNS) as Array<[keyof ProductDetailsInput, string]>) {
      const value = input[field];
      if (value === undefined) continue;
      columns.push(column);
      values.push(field === 'materials' ? JSON.stringify(value) : value);
    }
    return { columns, values };
  }

  private async takenCodes(tx: TransactionContext, productCodes: string[], skus: CreateSkuInput[]): Promise<string[]> {
    const barcodes = skus.flatMap((s) => (s.barcode ? [s.barcode] : []));
    const rows: Array<{ code: string }> = await tx.em.query(
      `SELECT code FROM product WHERE code = ANY($1) UNION ALL SELECT code FROM sku WHERE code = ANY($2) UNION ALL SELECT barcode FROM sku WHERE barcode = ANY($3)`,
      [productCodes, skus.map((s) => s.code), barcodes],
    );
    return rows.map((r) => r.code);
  }

  /** Two requests racing for one code: the loser learns it the same way as a prior check. */
  private async racingForCodes<T>(codes: string[], work: () => Promise<T>): Promise<T | DuplicateCodeError> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) return DuplicateCodeError.of(codes);
      throw error;
    }
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
    changedFields,
    status: product.status,
  };
}

function repeatedCodes(codes: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false))))];
}
