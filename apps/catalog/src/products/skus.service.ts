import { Injectable } from '@nestjs/common';
import { selectRows, type TransactionContext } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import type { CreateSkuInput } from './dto/create-product.input';
import { Sku, type SkuOption } from './sku.entity';

interface InsertedSkuRow {
  id: string;
  code: string;
  list_price_fen: number;
  options: Array<{ name: string; value: string }>;
}

interface SkuRow {
  id: string;
  product_id: string;
  code: string;
  list_price_fen: number;
  options: SkuOption[];
  barcode: string | null;
  weight_grams: number | null;
  archived: boolean;
  created_at: Date;
}

function skuOf(row: SkuRow): Sku {
  const sku = new Sku();
  sku.id = row.id;
  sku.productId = row.product_id;
  sku.code = row.code;
  sku.listPriceFen = row.list_price_fen;
  sku.options = row.options;
  sku.barcode = row.barcode;
  sku.weightGrams = row.weight_grams;
  sku.archived = row.archived;
  sku.createdAt = row.created_at;
  return sku;
}

@Injectable()
export class SkusService {
  constructor(private readonly dataSource: DataSource) {}

  findByCodes(codes: readonly string[]): Promise<Sku[]> {
    return this.dataSource.getRepository(Sku).findBy({ code: In([...codes]) });
  }

  findByIds(ids: readonly string[]): Promise<Sku[]> {
    return this.dataSource.getRepository(Sku).findBy({ id: In([...ids]) });
  }

  /**
   * Every SKU of these products, by code. Plain rows mapped by hand: a search page asks for the
   * SKUs of 20 products at once, and building them through the ORM cost more than the query.
   */
  async findByProductIds(productIds: readonly string[]): Promise<Sku[]> {
    const rows = await selectRows<SkuRow>(
      this.dataSource,
      `SELECT id, product_id, code, list_price_fen, options, barcode, weight_grams, archived, created_at FROM sku WHERE product_id = ANY($1::uuid[]) ORDER BY code`,
      [productIds],
    );
    return rows.map(skuOf);
  }

  /** One statement for all SKUs of a product, each with its first price-history entry. */
  async insertSkus(tx: TransactionContext, productId: string, skus: CreateSkuInput[], actor: string): Promise<Sku[]> {
    const rows = await selectRows<InsertedSkuRow>(
      tx.em,
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
    );
    return rows.map((r) => Object.assign(new Sku(), { id: r.id, productId, code: r.code, listPriceFen: r.list_price_fen, options: r.options }));
  }
}
