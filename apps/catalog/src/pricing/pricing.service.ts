import { Injectable } from '@nestjs/common';
import { PriceChanged } from '@shopops/contracts';
import { execute, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ProductWriter } from '../products/product-writer';
import { Sku } from '../products/sku.entity';
import { PriceHonesty } from './price-honesty';
import { quoteBasket } from './price-quote';
import { PricePoint, PriceQuote, TierPrice, type PriceQuoteInput } from './pricing.model';
import { PromotionsService } from './promotions.service';

/** SKU prices (list and member tier), their history, and quotes for a basket. */
@Injectable()
export class PricingService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly writer: ProductWriter,
    private readonly promotions: PromotionsService,
    private readonly honesty: PriceHonesty,
  ) {}

  /** Sets a SKU's list price; the history feeds price honesty. */
  setListPrice(ctx: RequestContext, skuCode: string, listPriceFen: number): Promise<Sku | NotFoundError> {
    return this.unitOfWork.run(ctx, (tx) => this.changeListPrice(tx, ctx.identity.subject, skuCode, listPriceFen));
  }

  /** The list price change inside a caller's transaction (an accepted price suggestion uses it too). */
  async changeListPrice(tx: TransactionContext, actor: string, skuCode: string, listPriceFen: number): Promise<Sku> {
    const sku = await selectRow<{ id: string; product_id: string; list_price_fen: number }>(
      tx.em,
      `SELECT id, product_id, list_price_fen FROM sku WHERE code = $1 FOR UPDATE`,
      [skuCode],
    );
    if (!sku) refuse(NotFoundError.of('Sku', skuCode));
    if (sku.list_price_fen !== listPriceFen) {
      await execute(tx.em, `UPDATE sku SET list_price_fen = $2 WHERE id = $1`, [sku.id, listPriceFen]);
      await execute(tx.em, `INSERT INTO price_history (sku_id, list_price_fen, actor) VALUES ($1, $2, $3)`, [sku.id, listPriceFen, actor]);
      await this.writer.recordVersion(tx, sku.product_id, `list price of ${skuCode}: ${sku.list_price_fen} → ${listPriceFen}`);
      tx.emit(PriceChanged, { skuId: sku.id, skuCode, kind: 'LIST', previousPriceFen: sku.list_price_fen, priceFen: listPriceFen });
      // A cut after a promotion was created can make its "was" price dishonest before it starts.
      await this.honesty.suspendDishonest(tx, { skuIds: [sku.id] });
    }
    return tx.repo(Sku).findOneByOrFail({ id: sku.id });
  }

  setTierPrice(ctx: RequestContext, skuCode: string, tierCode: string, priceFen: number | null): Promise<Sku | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const sku = await selectRow<{ id: string }>(tx.em, `SELECT id FROM sku WHERE code = $1`, [skuCode]);
      if (!sku) refuse(NotFoundError.of('Sku', skuCode));
      const previous = await selectRow<{ price_fen: number }>(tx.em, `SELECT price_fen FROM tier_price WHERE sku_id = $1 AND tier_code = $2 FOR UPDATE`, [
        sku.id,
        tierCode,
      ]);
      if (priceFen === null) await execute(tx.em, `DELETE FROM tier_price WHERE sku_id = $1 AND tier_code = $2`, [sku.id, tierCode]);
      else {
        await execute(
          tx.em,
          `INSERT INTO tier_price (sku_id, tier_code, price_fen) VALUES ($1, $2, $3) ON CONFLICT (sku_id, tier_code) DO UPDATE SET price_fen = EXCLUDED.price_fen`,
          [sku.id, tierCode, priceFen],
        );
        tx.emit(PriceChanged, { skuId: sku.id, skuCode, kind: 'TIER', tierCode, priceFen, ...(previous ? { previousPriceFen: previous.price_fen } : {}) });
      }
      return tx.repo(Sku).findOneByOrFail({ id: sku.id });
    });
  }

  /** `onSaleOnly` for callers without a staff role: a SKU of a product not on sale is unknown to them. */
  async quote(input: PriceQuoteInput, onSaleOnly: boolean): Promise<PriceQuote | NotFoundError> {
    const at = input.at ? new Date(input.at) : new Date();
    const codes = [...new Set(input.lines.map((l) => l.skuCode))];
    const [skus, promotions] = await Promise.all([
      selectRows<{ code: string; list_price_fen: number; tier_price_fen: number | null }>(
        this.dataSource,
        `SELECT s.code, s.list_price_fen, t.price_fen AS tier_price_fen FROM sku s LEFT JOIN tier_price t ON t.sku_id = s.id AND t.tier_code = $2
          WHERE s.code = ANY($1) AND NOT s.archived
            AND (NOT $3::boolean OR EXISTS (SELECT 1 FROM product p WHERE p.id = s.product_id AND p.status = 'ON_SALE' AND p.lifecycle_stage <> 'EXIT'))`,
        [codes, input.memberTier ?? null, onSaleOnly],
      ),
      this.promotions.inEffect(codes, at),
    ]);
    const unknown = codes.filter((c) => !skus.some((s) => s.code === c));
    if (unknown.length) return NotFoundError.of('Sku', unknown.join(', '));
    // The same SKU on several lines is one line to the rules.
    const quantities = new Map<string, number>();
    for (const l of input.lines) quantities.set(l.skuCode, (quantities.get(l.skuCode) ?? 0) + l.quantity);
    const quote = quoteBasket(
      [...quantities].map(([code, quantity]) => {
        const sku = skus.find((s) => s.code === code)!;
        return { code, quantity, listPriceFen: sku.list_price_fen, tierPriceFen: sku.tier_price_fen };
      }),
      promotions,
      input.memberTier,
    );
    return Object.assign(new PriceQuote(), { ...quote, at });
  }

  async tierPricesOf(skuIds: readonly string[]): Promise<Array<TierPrice & { skuId: string }>> {
    const rows = await selectRows<{ sku_id: string; tier_code: string; price_fen: number }>(
      this.dataSource,
      `SELECT sku_id, tier_code, price_fen FROM tier_price WHERE sku_id = ANY($1::uuid[]) ORDER BY tier_code`,
      [skuIds],
    );
    return rows.map((r) => Object.assign(new TierPrice(), { skuId: r.sku_id, tierCode: r.tier_code, priceFen: r.price_fen }));
  }

  async priceHistoryOf(skuIds: readonly string[]): Promise<Array<PricePoint & { skuId: string }>> {
    const rows = await selectRows<{ sku_id: string; list_price_fen: number; actor: string; at: Date }>(
      this.dataSource,
      `SELECT sku_id, list_price_fen, actor, at FROM price_history WHERE sku_id = ANY($1::uuid[]) ORDER BY at DESC, id DESC`,
      [skuIds],
    );
    return rows.map((r) => Object.assign(new PricePoint(), { skuId: r.sku_id, listPriceFen: r.list_price_fen, actor: r.actor, at: r.at }));
  }
}
