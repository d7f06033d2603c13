import { Injectable } from '@nestjs/common';
import { ProductCreated, SkuCreated } from '@shopops/contracts';
import { isUniqueViolation, refuse, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import type { CreateProductInput } from './dto/create-product.input';
import { DuplicateCodeError } from './product-errors';
import { Product } from './product.entity';
import { Sku } from './sku.entity';

export type CreateProductOutcome = Product | DuplicateCodeError;

@Injectable()
export class ProductsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  async createProduct(ctx: RequestContext, input: CreateProductInput): Promise<CreateProductOutcome> {
    const repeated = repeatedCodes(input.skus.map((s) => s.code));
    if (repeated.length > 0) return DuplicateCodeError.of(repeated);
    try {
      return await this.unitOfWork.run(ctx, async (tx) => {
        const taken = await this.takenCodes(tx, input);
        if (taken.length > 0) refuse(DuplicateCodeError.of(taken));
        return this.insertProduct(tx, input);
      });
    } catch (error) {
      // Two requests racing for one code: the loser learns it the same way as a prior check.
      if (isUniqueViolation(error)) return DuplicateCodeError.of([input.code, ...input.skus.map((s) => s.code)]);
      throw error;
    }
  }

  findByCodes(codes: readonly string[]): Promise<Product[]> {
    return this.dataSource.getRepository(Product).findBy({ code: In([...codes]) });
  }

  findByIds(ids: readonly string[]): Promise<Product[]> {
    return this.dataSource.getRepository(Product).findBy({ id: In([...ids]) });
  }

  private async takenCodes(tx: TransactionContext, input: CreateProductInput): Promise<string[]> {
    const skuCodes = input.skus.map((s) => s.code);
    const [products, skus] = await Promise.all([
      tx.repo(Product).find({ select: { code: true }, where: { code: input.code } }),
      tx.repo(Sku).find({ select: { code: true }, where: { code: In(skuCodes) } }),
    ]);
    return [...products.map((p) => p.code), ...skus.map((s) => s.code)];
  }

  private async insertProduct(tx: TransactionContext, input: CreateProductInput): Promise<Product> {
    const product = await tx.repo(Product).save(
      tx.repo(Product).create({ code: input.code, title: input.title, categoryCode: input.categoryCode ?? null }),
    );
    const skus = await tx.repo(Sku).save(
      input.skus.map((s) =>
        tx.repo(Sku).create({
          productId: product.id,
          code: s.code,
          listPriceFen: s.listPriceFen,
          options: (s.options ?? []).map((o) => ({ name: o.name, value: o.value })),
        }),
      ),
    );
    const snapshots = skus.map((s) => ({
      skuId: s.id,
      code: s.code,
      listPriceFen: s.listPriceFen,
      options: Object.fromEntries(s.options.map((o) => [o.name, o.value])),
    }));
    tx.emit(ProductCreated, {
      productId: product.id,
      code: product.code,
      title: product.title,
      ...(product.categoryCode ? { categoryCode: product.categoryCode } : {}),
      skus: snapshots,
    });
    for (const sku of snapshots) {
      tx.emit(SkuCreated, {
        ...sku,
        productId: product.id,
        productCode: product.code,
        ...(product.categoryCode ? { categoryCode: product.categoryCode } : {}),
      });
    }
    return product;
  }
}

function repeatedCodes(codes: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false))))];
}
