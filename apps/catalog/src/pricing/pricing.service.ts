import { Inject, Injectable } from '@nestjs/common';
import { PriceChanged, PromotionEnded, PromotionStarted, type PromotionPayload } from '@shopops/contracts';
import { invalidField, NotFoundError, refuse, Scheduled, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { Sku } from '../products/sku.entity';
import { quoteBasket } from './price-quote';
import {
  PriceHonestyError,
  PricePoint,
  PriceQuote,
  Promotion,
  PromotionConflictError,
  PromotionKindValue,
  PromotionStatus,
  TierPrice,
  type PriceQuoteInput,
  type PromotionInput,
} from './pricing.model';

interface PromotionRow {
  id: string;
  code: string;
  name: string;
  kind: PromotionKindValue;
  status: PromotionStatus;
  starts_at: Date;
  ends_at: Date;
  percent_off: number | null;
  per_buyer_limit: number | null;
  quantity_cap: number | null;
  min_quantity: number | null;
  threshold_fen: number | null;
  off_fen: number | null;
  repeatable: boolean;
  was_price_fen: number | null;
  sku_codes: string[];
}

const PROMOTION_COLUMNS = `p.*, (SELECT array_agg(s.code ORDER BY s.code) FROM promotion_sku ps JOIN sku s ON s.id = ps.sku_id WHERE ps.promotion_id = p.id) AS sku_codes`;

/** Tier prices, promotions with their combination and honesty rules, quotes, price history. */
@Injectable()
export class PricingService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  setTierPrice(ctx: RequestContext, skuCode: string, tierCode: string, priceFen: number | null): Promise<Sku | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [sku] = (await tx.em.query(`SELECT id FROM sku WHERE code = $1`, [skuCode])) as Array<{ id: string }>;
      if (!sku) refuse(NotFoundError.of('Sku', skuCode));
      const [previous] = (await tx.em.query(`SELECT price_fen FROM tier_price WHERE sku_id = $1 AND tier_code = $2 FOR UPDATE`, [sku.id, tierCode])) as Array<{ price_fen: number }>;
      if (priceFen === null) await tx.em.query(`DELETE FROM tier_price WHERE sku_id = $1 AND tier_code = $2`, [sku.id, tierCode]);
      else {
        await tx.em.query(`INSERT INTO tier_price (sku_id, tier_code, price_fen) VALUES ($1, $2, $3) ON CONFLICT (sku_id, tier_code) DO UPDATE SET price_fen = EXCLUDED.price_fen`, [sku.id, tierCode, priceFen]);
        tx.emit(PriceChanged, { skuId: sku.id, skuCode, kind: 'TIER', tierCode, priceFen, ...(previous ? { previousPriceFen: previous.price_fen } : {}) });
      }
      return tx.repo(Sku).findOneByOrFail({ id: sku.id });
    });
  }

  createPromotion(ctx: RequestContext, input: PromotionInput): Promise<Promotion | NotFoundError | PromotionConflictError | PriceHonestyError> {
    this.validateShape(input);
    return this.unitOfWork.run(ctx, async (tx) => {
      const skus: Array<{ id: string; code: string; list_price_fen: number }> = await tx.em.query(`SELECT id, code, list_price_fen FROM sku WHERE code = ANY($1) AND NOT archived ORDER BY id FOR UPDATE`, [input.skuCodes]);
      const missing = input.skuCodes.filter((c) => !skus.some((s) => s.code === c));
      if (missing.length) refuse(NotFoundError.of('Sku', missing.join(', ')));
      if ((await tx.em.query(`SELECT 1 FROM promotion WHERE code = $1`, [input.code])).length) refuse(PromotionConflictError.of([input.code], [], `Promotion code ${input.code} is already in use`));
      await this.refuseConflicts(tx, input, skus.map((s) => s.id));
      if (input.kind === PromotionKindValue.FLASH_SALE || input.wasPriceFen !== undefined) await this.refuseDishonestWasPrice(tx, input, skus);
      const [{ id }] = (await tx.em.query(
        `INSERT INTO promotion (code, name, kind, starts_at, ends_at, percent_off, per_buyer_limit, quantity_cap, min_quantity, threshold_fen, off_fen, repeatable, was_price_fen, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [input.code, input.name, input.kind, input.startsAt, input.endsAt, input.percentOff ?? null, input.perBuyerLimit ?? null, input.quantityCap ?? null, input.minQuantity ?? null, input.thresholdFen ?? null, input.offFen ?? null, input.repeatable ?? false, input.wasPriceFen ?? null, ctx.identity.subject],
      )) as Array<{ id: string }>;
      await tx.em.query(`INSERT INTO promotion_sku (promotion_id, sku_id) SELECT $1, unnest($2::uuid[])`, [id, skus.map((s) => s.id)]);
      await this.advanceWindows(tx);
      return this.promotionById(tx.em, id);
    });
  }

  cancelPromotion(ctx: RequestContext, code: string): Promise<Promotion | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = (await tx.em.query(`SELECT ${PROMOTION_COLUMNS} FROM promotion p WHERE code = $1 FOR UPDATE`, [code])) as PromotionRow[];
      if (!row) refuse(NotFoundError.of('Promotion', code));
      if (row.status === PromotionStatus.SCHEDULED || row.status === PromotionStatus.ACTIVE) {
        await tx.em.query(`UPDATE promotion SET status = 'CANCELLED' WHERE id = $1`, [row.id]);
        if (row.status === PromotionStatus.ACTIVE) tx.emit(PromotionEnded, promotionPayload(row));
      }
      return this.promotionById(tx.em, row.id);
    });
  }

  async promotions(status: PromotionStatus | undefined, skuCode: string | undefined, first: number): Promise<Promotion[]> {
    const rows: PromotionRow[] = await this.dataSource.query(
      `SELECT ${PROMOTION_COLUMNS} FROM promotion p
        WHERE ($1::text IS NULL OR p.status = $1)
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM promotion_sku ps JOIN sku s ON s.id = ps.sku_id WHERE ps.promotion_id = p.id AND s.code = $2))
        ORDER BY p.starts_at DESC, p.code LIMIT $3`,
      [status ?? null, skuCode ?? null, first],
    );
    return rows.map(toPromotion);
  }

  /** `onSaleOnly` for callers without a staff role: a SKU of a product not on sale is unknown to them. */
  async quote(input: PriceQuoteInput, onSaleOnly: boolean): Promise<PriceQuote | NotFoundError> {
    const at = input.at ? new Date(input.at) : new Date();
    const codes = [...new Set(input.lines.map((l) => l.skuCode))];
    const [skus, promotions] = await Promise.all([
      this.dataSource.query(
        `SELECT s.code, s.list_price_fen, t.price_fen AS tier_price_fen FROM sku s LEFT JOIN tier_price t ON t.sku_id = s.id AND t.tier_code = $2
          WHERE s.code = ANY($1) AND NOT s.archived
            AND (NOT $3::boolean OR EXISTS (SELECT 1 FROM product p WHERE p.id = s.product_id AND p.status = 'ON_SALE' AND p.lifecycle_stage <> 'EXIT'))`,
        [codes, input.memberTier ?? null, onSaleOnly],
      ) as Promise<Array<{ code: string; list_price_fen: number; tier_price_fen: number | null }>>,
      this.dataSource.query(
        `SELECT ${PROMOTION_COLUMNS} FROM promotion p
          WHERE p.status <> 'CANCELLED' AND p.starts_at <= $2 AND p.ends_at > $2
            AND EXISTS (SELECT 1 FROM promotion_sku ps JOIN sku s ON s.id = ps.sku_id WHERE ps.promotion_id = p.id AND s.code = ANY($1))
          ORDER BY p.starts_at, p.code`,
        [codes, at],
      ) as Promise<PromotionRow[]>,
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
      promotions.map((p) => ({ code: p.code, name: p.name, kind: p.kind, skuCodes: new Set(p.sku_codes), percentOff: p.percent_off, perBuyerLimit: p.per_buyer_limit, minQuantity: p.min_quantity, thresholdFen: p.threshold_fen, offFen: p.off_fen, repeatable: p.repeatable })),
      input.memberTier,
    );
    return Object.assign(new PriceQuote(), { ...quote, at });
  }

  async tierPricesOf(skuIds: readonly string[]): Promise<Array<TierPrice & { skuId: string }>> {
    const rows: Array<{ sku_id: string; tier_code: string; price_fen: number }> = await this.dataSource.query(`SELECT sku_id, tier_code, price_fen FROM tier_price WHERE sku_id = ANY($1::uuid[]) ORDER BY tier_code`, [skuIds]);
    return rows.map((r) => Object.assign(new TierPrice(), { skuId: r.sku_id, tierCode: r.tier_code, priceFen: r.price_fen }));
  }

  async priceHistoryOf(skuIds: readonly string[]): Promise<Array<PricePoint & { skuId: string }>> {
    const rows: Array<{ sku_id: string; list_price_fen: number; actor: string; at: Date }> = await this.dataSource.query(
      `SELECT sku_id, list_price_fen, actor, at FROM price_history WHERE sku_id = ANY($1::uuid[]) ORDER BY at DESC, id DESC`,
      [skuIds],
    );
    return rows.map((r) => Object.assign(new PricePoint(), { skuId: r.sku_id, listPriceFen: r.list_price_fen, actor: r.actor, at: r.at }));
  }

  /** Promotions go live and end on time; each change is an event (inventory enforces flash-sale caps). */
  @Scheduled({ name: 'catalog.promotion-windows', cron: '* * * * *' })
  async promotionWindows(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, (tx) => this.advanceWindows(tx));
  }

  private async advanceWindows(tx: TransactionContext): Promise<void> {
    const changed: Array<PromotionRow & { new_status: string; old_status: string }> = await tx.em.query(
      `WITH due AS (
         SELECT id, status AS old_status, CASE WHEN ends_at <= now() THEN 'ENDED' ELSE 'ACTIVE' END AS new_status FROM promotion
          WHERE (status = 'SCHEDULED' AND starts_at <= now()) OR (status = 'ACTIVE' AND ends_at <= now()) FOR UPDATE SKIP LOCKED),
       moved AS (UPDATE promotion p SET status = due.new_status FROM due WHERE p.id = due.id RETURNING p.*, due.new_status, due.old_status)
       SELECT m.*, (SELECT array_agg(s.code ORDER BY s.code) FROM promotion_sku ps JOIN sku s ON s.id = ps.sku_id WHERE ps.promotion_id = m.id) AS sku_codes FROM moved m`,
    );
    for (const row of changed) {
      // A whole window that passed between two runs still starts and ends, in that order.
      if (row.old_status === 'SCHEDULED') tx.emit(PromotionStarted, promotionPayload(row));
      if (row.new_status === 'ENDED') tx.emit(PromotionEnded, promotionPayload(row));
    }
  }

  private validateShape(input: PromotionInput): void {
    const require = (field: keyof PromotionInput, why: string) => {
      if (input[field] === undefined) throw invalidField(field, `is required for ${why}`);
    };
    if (new Date(input.endsAt) <= new Date(input.startsAt)) throw invalidField('endsAt', 'must be after startsAt');
    if (new Date(input.endsAt) <= new Date()) throw invalidField('endsAt', 'must be in the future');
    if (input.kind === PromotionKindValue.FLASH_SALE) require('percentOff', 'a flash sale');
    if (input.kind === PromotionKindValue.MULTI_BUY) {
      require('percentOff', 'a multi-buy');
      require('minQuantity', 'a multi-buy');
    }
    if (input.kind === PromotionKindValue.SPEND_AND_SAVE) {
      require('thresholdFen', 'spend-and-save');
      require('offFen', 'spend-and-save');
      if (input.offFen! >= input.thresholdFen!) throw invalidField('offFen', 'must be less than thresholdFen');
    }
    if (new Set(input.skuCodes).size !== input.skuCodes.length) throw invalidField('skuCodes', 'must not repeat a SKU');
  }

  /** Same-kind promotions may not overlap on a SKU; a flash sale overlaps with nothing. */
  private async refuseConflicts(tx: TransactionContext, input: PromotionInput, skuIds: string[]): Promise<void> {
    const overlapping: Array<{ code: string; kind: PromotionKindValue; sku_code: string }> = await tx.em.query(
      `SELECT p.code, p.kind, s.code AS sku_code FROM promotion p JOIN promotion_sku ps ON ps.promotion_id = p.id JOIN sku s ON s.id = ps.sku_id
        WHERE ps.sku_id = ANY($1::uuid[]) AND p.status IN ('SCHEDULED', 'ACTIVE') AND p.starts_at < $3 AND p.ends_at > $2
          AND (p.kind = $4 OR p.kind = 'FLASH_SALE' OR $4 = 'FLASH_SALE')
        ORDER BY p.code, s.code`,
      [skuIds, input.startsAt, input.endsAt, input.kind],
    );
    if (!overlapping.length) return;
    const codes = [...new Set(overlapping.map((o) => o.code))];
    const skus = [...new Set(overlapping.map((o) => o.sku_code))];
    const flash = input.kind === PromotionKindValue.FLASH_SALE || overlapping.some((o) => o.kind === PromotionKindValue.FLASH_SALE);
    refuse(
      PromotionConflictError.of(
        codes,
        skus,
        flash
          ? `A flash sale combines with no other promotion: ${codes.join(', ')} overlap on ${skus.join(', ')}`
          : `Overlaps ${codes.join(', ')} of the same kind on ${skus.join(', ')}`,
      ),
    );
  }

  /** 划线价: the shown "was" price may not exceed the lowest price charged or listed in the last days. */
  private async refuseDishonestWasPrice(tx: TransactionContext, input: PromotionInput, skus: Array<{ id: string; code: string; list_price_fen: number }>): Promise<void> {
    const days = this.config.priceHonestyDays;
    const lowest: Array<{ code: string; lowest: number | null }> = await tx.em.query(
      `SELECT s.code, least(
          (SELECT min(list_price_fen) FROM price_history h WHERE h.sku_id = s.id
             AND (h.at >= now() - $2 * interval '1 day' OR h.id = (SELECT max(id) FROM price_history h0 WHERE h0.sku_id = s.id AND h0.at < now() - $2 * interval '1 day'))),
          (SELECT min(lowest_unit_price_fen) FROM sku_sale d WHERE d.sku_code = s.code AND d.day >= current_date - $2::int)) AS lowest
         FROM sku s WHERE s.id = ANY($1::uuid[])`,
      [skus.map((s) => s.id), days],
    );
    for (const sku of skus) {
      const was = input.wasPriceFen ?? sku.list_price_fen;
      const floor = lowest.find((l) => l.code === sku.code)?.lowest;
      if (floor !== null && floor !== undefined && was > floor) refuse(PriceHonestyError.of(sku.code, was, floor, days));
    }
  }

  private async promotionById(em: EntityManager, id: string): Promise<Promotion> {
    const [row] = (await em.query(`SELECT ${PROMOTION_COLUMNS} FROM promotion p WHERE id = $1`, [id])) as PromotionRow[];
    return toPromotion(row);
  }
}

function toPromotion(r: PromotionRow): Promotion {
  return Object.assign(new Promotion(), {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    status: r.status,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    skuCodes: r.sku_codes ?? [],
    percentOff: r.percent_off,
    perBuyerLimit: r.per_buyer_limit,
    quantityCap: r.quantity_cap,
    minQuantity: r.min_quantity,
    thresholdFen: r.threshold_fen,
    offFen: r.off_fen,
    repeatable: r.repeatable,
    wasPriceFen: r.was_price_fen,
  });
}

function promotionPayload(r: PromotionRow): PromotionPayload {
  return {
    promotionId: r.id,
    code: r.code,
    kind: r.kind,
    skuCodes: r.sku_codes ?? [],
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    ...(r.quantity_cap ? { quantityCap: r.quantity_cap } : {}),
    ...(r.per_buyer_limit ? { perBuyerLimit: r.per_buyer_limit } : {}),
  };
}
