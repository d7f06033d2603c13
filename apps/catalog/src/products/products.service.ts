import { Injectable } from '@nestjs/common';
import { ProductArchived, ProductCreated, ProductUpdated, SkuCreated } from '@shopops/contracts';
import {
  execute,
  InvalidStateError,
  isUniqueViolation,
  NotFoundError,
  refuse,
  selectRows,
  UnitOfWork,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import type { CreateProductInput, CreateSkuInput, ProductDetailsInput, UpdateProductInput } from './dto/create-product.input';
import { DuplicateCodeError, VersionConflictError } from './product-errors';
import { ProductVersion } from './product-version.model';
import { changePayload, ProductWriter } from './product-writer';
import { Product, ProductStatus } from './product.entity';
import { Sku } from './sku.entity';
import { SkusService } from './skus.service';

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
    private readonly writer: ProductWriter,
    private readonly skus: SkusService,
  ) {}

  async createProduct(ctx: RequestContext, input: CreateProductInput): Promise<CreateProductOutcome> {
    const repeated = repeatedCodes(input.skus.flatMap((s) => [s.code, ...(s.barcode ? [s.barcode] : [])]));
    if (repeated.length > 0) return DuplicateCodeError.of(repeated);
    return this.racingForCodes([input.code, ...input.skus.map((s) => s.code)], () => this.unitOfWork.run(ctx, (tx) => this.createIn(tx, input)));
  }

  /** Inside a caller's transaction (bulk import creates many). */
  async createIn(tx: TransactionContext, input: CreateProductInput): Promise<Product> {
    const taken = await this.takenCodes(tx, [input.code], input.skus);
    if (taken.length > 0) refuse(DuplicateCodeError.of(taken));
    const details = this.detailValues(input);
    // Column names come from DETAIL_COLUMNS only; every value is a parameter.
    const columns = ['code', 'title', 'version', ...details.columns];
    const [{ id }] = await selectRows<{ id: string }>(
      tx.em,
      `INSERT INTO product (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      [input.code, input.title, 0, ...details.values],
    );
    const skus = await this.skus.insertSkus(tx, id, input.skus, tx.identity.subject);
    const product = await this.writer.recordVersion(tx, id, 'created');
    const category = product.categoryCode ? { categoryCode: product.categoryCode } : {};
    tx.emit(ProductCreated, { productId: id, code: product.code, title: product.title, ...category, tags: product.tags, skus: skus.map(skuSnapshot) });
    for (const sku of skus) tx.emit(SkuCreated, skuCreatedPayload(product, sku));
    return product;
  }

  async updateProduct(ctx: RequestContext, input: UpdateProductInput): Promise<UpdateProductOutcome> {
    return this.racingForCodes(
      (input.addSkus ?? []).map((s) => s.code),
      () =>
        this.unitOfWork.run(ctx, async (tx) => {
          const current = await this.writer.lock(tx, input.code);
          if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
            refuse(VersionConflictError.of(input.expectedVersion, current.version));
          if (current.status === ProductStatus.ARCHIVED) refuse(InvalidStateError.of('Product', current.status, 'be changed'));
          const details = this.detailValues(input);
          const columns = [...(input.title !== undefined ? ['title'] : []), ...details.columns];
          const values = [...(input.title !== undefined ? [input.title] : []), ...details.values];
          if (columns.length)
            await execute(tx.em, `UPDATE product SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [current.id, ...values]);
          const added = input.addSkus?.length ? await this.addSkus(tx, current, input.addSkus) : [];
          const changed = [
            ...Object.keys(input).filter((k) => k !== 'code' && k !== 'expectedVersion' && k !== 'addSkus'),
            ...(added.length ? ['skus'] : []),
          ].sort();
          const product = await this.writer.recordVersion(tx, current.id, `updated: ${changed.join(', ') || 'nothing'}`);
          tx.emit(ProductUpdated, changePayload(product, changed));
          return product;
        }),
    );
  }

  archiveProduct(ctx: RequestContext, code: string, reason: string): Promise<Product | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const current = await this.writer.lock(tx, code);
      if (current.status === ProductStatus.ARCHIVED) return current;
      await execute(tx.em, `UPDATE product SET status = 'ARCHIVED', archived_at = now() WHERE id = $1`, [current.id]);
      const product = await this.writer.recordVersion(tx, current.id, `archived: ${reason}`);
      tx.emit(ProductArchived, changePayload(product, ['status']));
      return product;
    });
  }

  findByCodes(codes: readonly string[]): Promise<Product[]> {
    return this.dataSource.getRepository(Product).findBy({ code: In([...codes]) });
  }

  findByIds(ids: readonly string[]): Promise<Product[]> {
    return this.dataSource.getRepository(Product).findBy({ id: In([...ids]) });
  }

  async versionsOf(productId: string, first: number): Promise<ProductVersion[]> {
    const rows = await selectRows<ProductVersion>(
      this.dataSource,
      `SELECT version, actor, change, at FROM product_version WHERE product_id = $1 ORDER BY version DESC LIMIT $2`,
      [productId, first],
    );
    return rows.map((v) => Object.assign(new ProductVersion(), v));
  }

  private async addSkus(tx: TransactionContext, product: Product, skus: CreateSkuInput[]): Promise<Sku[]> {
    const taken = await this.takenCodes(tx, [], skus);
    if (taken.length > 0) refuse(DuplicateCodeError.of(taken));
    const added = await this.skus.insertSkus(tx, product.id, skus, tx.identity.subject);
    for (const sku of added) tx.emit(SkuCreated, skuCreatedPayload(product, sku));
    return added;
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
    const rows = await selectRows<{ code: string }>(
      tx.em,
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

/** A SKU as ProductCreated lists it. */
function skuSnapshot(sku: Sku) {
  return { skuId: sku.id, code: sku.code, listPriceFen: sku.listPriceFen, options: Object.fromEntries(sku.options.map((o) => [o.name, o.value])) };
}

function skuCreatedPayload(product: Product, sku: Sku) {
  return { ...skuSnapshot(sku), productId: product.id, productCode: product.code, ...(product.categoryCode ? { categoryCode: product.categoryCode } : {}) };
}

function repeatedCodes(codes: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false))))];
}
