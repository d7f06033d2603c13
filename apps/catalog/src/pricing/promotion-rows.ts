import type { PromotionPayload } from '@shopops/contracts';
import type { QuotePromotion } from './price-quote';
import { Promotion, type PromotionKindValue, type PromotionStatus } from './pricing.model';

/** A promotion as stored, with the codes of its SKUs (PROMOTION_COLUMNS). */
export interface PromotionRow {
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
  suspended_reason: string | null;
  sku_codes: string[] | null;
}

/** Selects a PromotionRow from `promotion p`. */
export const PROMOTION_COLUMNS = `p.*, (SELECT array_agg(s.code ORDER BY s.code) FROM promotion_sku ps JOIN sku s ON s.id = ps.sku_id WHERE ps.promotion_id = p.id) AS sku_codes`;

export function toPromotion(r: PromotionRow): Promotion {
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
    suspendedReason: r.suspended_reason,
  });
}

/** The payload of PromotionStarted and PromotionEnded. */
export function promotionPayload(r: PromotionRow): PromotionPayload {
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

/** What the pricing rules need of a promotion. */
export function toQuotePromotion(p: PromotionRow): QuotePromotion {
  return {
    code: p.code,
    name: p.name,
    kind: p.kind,
    skuCodes: new Set(p.sku_codes),
    percentOff: p.percent_off,
    perBuyerLimit: p.per_buyer_limit,
    minQuantity: p.min_quantity,
    thresholdFen: p.threshold_fen,
    offFen: p.off_fen,
    repeatable: p.repeatable,
  };
}
