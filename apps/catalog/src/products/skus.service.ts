import { Injectable } from '@nestjs/common';
import { selectRows, type TransactionContext } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import type { CreateSkuInput } from './dto/create-product.input';
import { Sku } from './sku.entity';

interface InsertedSkuRow {
  id: string;
  code: string;
  list_price_fen: number;
  options: Array<{ name: string; value: string }>;
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

  findByProductIds(productIds: readonly string[]): Promise<Sku[]> {
    return this.dataSource.getRepository(Sku).find({ where: { productId: In([...productIds]) }, order: { code: 'ASC' } });
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
