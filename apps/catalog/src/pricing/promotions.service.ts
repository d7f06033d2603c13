import { Injectable } from '@nestjs/common';
import { PromotionEnded, PromotionStarted } from '@shopops/contracts';
import {
  execute,
  invalidField,
  NotFoundError,
  refuse,
  Scheduled,
  selectRow,
  selectRows,
  UnitOfWork,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { DataSource } from 'typeorm';
import { PriceHonesty } from './price-honesty';
import type { QuotePromotion } from './price-quote';
import { PriceHonestyError, Promotion, PromotionConflictError, PromotionKindValue, PromotionStatus, type PromotionInput } from './pricing.model';
import { PROMOTION_COLUMNS, promotionPayload, toPromotion, toQuotePromotion, type PromotionRow } from './promotion-rows';

interface PromotedSkuRow {
  id: string;
  code: string;
  list_price_fen: number;
}

/** Promotions: their combination and honesty rules, and their time windows. */
@Injectable()
export class PromotionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly honesty: PriceHonesty,
  ) {}

  createPromotion(ctx: RequestContext, input: PromotionInput): Promise<Promotion | NotFoundError | PromotionConflictError | PriceHonestyError> {
    this.validateShape(input);
    return this.unitOfWork.run(ctx, async (tx) => {
      const skus = await selectRows<PromotedSkuRow>(
        tx.em,
        `SELECT id, code, list_price_fen FROM sku WHERE code = ANY($1) AND NOT archived ORDER BY id FOR UPDATE`,
        [input.skuCodes],
      );
      const missing = input.skuCodes.filter((c) => !skus.some((s) => s.code === c));
      if (missing.length) refuse(NotFoundError.of('Sku', missing.join(', ')));
      if (await selectRow(tx.em, `SELECT 1 FROM promotion WHERE code = $1`, [input.code]))
        refuse(PromotionConflictError.of([input.code], [], `Promotion code ${input.code} is already in use`));
      await this.refuseConflicts(
        tx,
        input,
        skus.map((s) => s.id),
      );
      if (input.kind === PromotionKindValue.FLASH_SALE || input.wasPriceFen !== undefined) {
        const dishonest = await this.honesty.firstDishonest(
          tx,
          input.startsAt,
          skus.map((s) => ({ id: s.id, code: s.code, wasPriceFen: input.wasPriceFen ?? s.list_price_fen })),
        );
        if (dishonest) refuse(dishonest);
      }
      const [{ id }] = await selectRows<{ id: string }>(
        tx.em,
        `INSERT INTO promotion (code, name, kind, starts_at, ends_at, percent_off, per_buyer_limit, quantity_cap, min_quantity, threshold_fen, off_fen, repeatable, was_price_fen, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          input.code,
          input.name,
          input.kind,
          input.startsAt,
          input.endsAt,
          input.percentOff ?? null,
          input.perBuyerLimit ?? null,
          input.quantityCap ?? null,
          input.minQuantity ?? null,
          input.thresholdFen ?? null,
          input.offFen ?? null,
          input.repeatable ?? false,
          input.wasPriceFen ?? null,
          ctx.identity.subject,
        ],
      );
      await execute(tx.em, `INSERT INTO promotion_sku (promotion_id, sku_id) SELECT $1, unnest($2::uuid[])`, [id, skus.map((s) => s.id)]);
      await this.advanceWindows(tx);
      return this.promotionById(tx, id);
    });
  }

  cancelPromotion(ctx: RequestContext, code: string): Promise<Promotion | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const row = await selectRow<PromotionRow>(tx.em, `SELECT ${PROMOTION_COLUMNS} FROM promotion p WHERE code = $1 FOR UPDATE`, [code]);
      if (!row) refuse(NotFoundError.of('Promotion', code));
      if (row.status === PromotionStatus.SCHEDULED || row.status === PromotionStatus.ACTIVE || row.status === PromotionStatus.SUSPENDED) {
        await execute(tx.em, `UPDATE promotion SET status = 'CANCELLED' WHERE id = $1`, [row.id]);
        if (row.status === PromotionStatus.ACTIVE) tx.emit(PromotionEnded, promotionPayload(row));
      }
      return this.promotionById(tx, row.id);
    });
  }

  async promotions(status: PromotionStatus | undefined, skuCode: string | undefined, first: number): Promise<Promotion[]> {
    const rows = await selectRows<PromotionRow>(
      this.dataSource,
      `SELECT ${PROMOTION_COLUMNS} FROM promotion p
        WHERE ($1::text IS NULL OR p.status = $1)
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM promotion_sku ps JOIN sku s ON s.id = ps.sku_id WHERE ps.promotion_id = p.id AND s.code = $2))
        ORDER BY p.starts_at DESC, p.code LIMIT $3`,
      [status ?? null, skuCode ?? null, first],
    );
    return rows.map(toPromotion);
  }

  /** Promotions in effect at a moment on any of the SKUs, as the pricing rules read them. */
  async inEffect(skuCodes: readonly string[], at: Date): Promise<QuotePromotion[]> {
    const rows = await selectRows<PromotionRow>(
      this.dataSource,
      `SELECT ${PROMOTION_COLUMNS} FROM promotion p
        WHERE p.status <> 'CANCELLED' AND p.starts_at <= $2 AND p.ends_at > $2
          AND EXISTS (SELECT 1 FROM promotion_sku ps JOIN sku s ON s.id = ps.sku_id WHERE ps.promotion_id = p.id AND s.code = ANY($1))
        ORDER BY p.starts_at, p.code`,
      [skuCodes, at],
    );
    return rows.map(toQuotePromotion);
  }

  /** Promotions go live and end on time; each change is an event (inventory enforces flash-sale caps). */
  @Scheduled({ name: 'catalog.promotion-windows', cron: '* * * * *' })
  async promotionWindows(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, (tx) => this.advanceWindows(tx));
  }

  private async advanceWindows(tx: TransactionContext): Promise<void> {
    // A "was" price is checked again as the promotion starts: what was charged since creation counts.
    await this.honesty.suspendDishonest(tx, { dueOnly: true });
    const changed = await selectRows<PromotionRow & { new_status: string; old_status: string }>(
      tx.em,
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
    const overlapping = await selectRows<{ code: string; kind: PromotionKindValue; sku_code: string }>(
      tx.em,
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

  private async promotionById(tx: TransactionContext, id: string): Promise<Promotion> {
    const [row] = await selectRows<PromotionRow>(tx.em, `SELECT ${PROMOTION_COLUMNS} FROM promotion p WHERE id = $1`, [id]);
    return toPromotion(row);
  }
}
