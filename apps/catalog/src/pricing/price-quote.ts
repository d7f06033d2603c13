/**
 * The pricing rules, as one pure function over a basket:
 * 1. A line starts at the SKU's list price, or its member-tier price when lower.
 * 2. A flash sale (秒杀) prices up to the per-buyer limit at list × (100 − percent off)%, when
 *    that is lower; the rest stays at step 1 (never refused). The limit counts the units of all the
 *    sale's SKUs in the basket, in basket order — as inventory counts them. Flash-sale units
 *    combine with nothing.
 * 3. A multi-buy ("3 items, 50% off") takes its percent off every other line of its SKUs once
 *    the basket holds at least its quantity of them.
 * 4. Spend-and-save (满减) takes its amount off once the subtotal of its SKUs (after step 3,
 *    flash-sale units excluded) reaches the threshold — once per threshold when repeatable.
 *    Only the best one applies; its discount is shared over the lines in proportion to value.
 */
export type PromotionKind = 'FLASH_SALE' | 'MULTI_BUY' | 'SPEND_AND_SAVE';

export interface QuotePromotion {
  readonly code: string;
  readonly name: string;
  readonly kind: PromotionKind;
  readonly skuCodes: ReadonlySet<string>;
  readonly percentOff?: number | null;
  readonly perBuyerLimit?: number | null;
  readonly minQuantity?: number | null;
  readonly thresholdFen?: number | null;
  readonly offFen?: number | null;
  readonly repeatable?: boolean;
}

export interface QuoteSku {
  readonly code: string;
  readonly quantity: number;
  readonly listPriceFen: number;
  readonly tierPriceFen?: number | null;
}

export interface QuotedLine {
  skuCode: string;
  quantity: number;
  listPriceFen: number;
  lineTotalFen: number;
  /** The line total over its units, rounded to the fen. */
  unitPriceFen: number;
  explanations: string[];
}

export interface AppliedPromotion {
  code: string;
  kind: PromotionKind;
  discountFen: number;
  explanation: string;
}

export interface Quote {
  lines: QuotedLine[];
  listTotalFen: number;
  totalFen: number;
  discountFen: number;
  /** Of the discount, what member-tier prices gave (the rest is promotions'). */
  memberDiscountFen: number;
  applied: AppliedPromotion[];
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export function quoteBasket(skus: readonly QuoteSku[], promotions: readonly QuotePromotion[], tierCode?: string): Quote {
  const applied = new Map<string, AppliedPromotion>();
  const credit = (p: QuotePromotion, discountFen: number, explanation: string) => {
    const entry = applied.get(p.code) ?? { code: p.code, kind: p.kind, discountFen: 0, explanation };
    entry.discountFen += discountFen;
    applied.set(p.code, entry);
  };

  // Per line: the units at a flash price (combinable with nothing) and the rest.
  const flashLeft = new Map<string, number>();
  const work = skus.map((sku) => {
    const explanations: string[] = [];
    let base = sku.listPriceFen;
    if (sku.tierPriceFen != null && sku.tierPriceFen < base) {
      base = sku.tierPriceFen;
      explanations.push(`member price for ${tierCode ?? 'this tier'}: ${yuan(base)}`);
    }
    let flashTotal = 0;
    let restUnits = sku.quantity;
    const flash = promotions.find((p) => p.kind === 'FLASH_SALE' && p.skuCodes.has(sku.code));
    if (flash?.percentOff) {
      const flashPrice = Math.round((sku.listPriceFen * (100 - flash.percentOff)) / 100);
      if (flashPrice < base) {
        const limit = flash.perBuyerLimit;
        const left = flashLeft.get(flash.code) ?? limit ?? Infinity;
        const units = Math.min(sku.quantity, left);
        flashLeft.set(flash.code, left - units);
        flashTotal = units * flashPrice;
        restUnits -= units;
        credit(flash, units * (base - flashPrice), `${flash.name}: ${flash.percentOff}% off, ${limit ?? 'no'} per-buyer limit`);
        explanations.push(
          `${flash.code}: ${units} at flash price ${yuan(flashPrice)}${restUnits ? `; ${restUnits} over the per-buyer limit of ${limit} at ${yuan(base)}` : ''}`,
        );
      }
    }
    return { sku, base, explanations, flashTotal, restUnits, restTotal: restUnits * base };
  });

  for (const p of promotions.filter((p) => p.kind === 'MULTI_BUY' && p.percentOff && p.minQuantity)) {
    const lines = work.filter((w) => w.restUnits > 0 && p.skuCodes.has(w.sku.code));
    const units = lines.reduce((n, w) => n + w.restUnits, 0);
    if (units < p.minQuantity!) continue;
    for (const w of lines) {
      const discount = Math.round((w.restTotal * p.percentOff!) / 100);
      w.restTotal -= discount;
      credit(p, discount, `${p.name}: ${p.minQuantity} items or more, ${p.percentOff}% off`);
      w.explanations.push(`${p.code}: ${p.percentOff}% off with ${units} qualifying items`);
    }
  }

  const spendOffers = promotions
    .filter((p) => p.kind === 'SPEND_AND_SAVE' && p.thresholdFen && p.offFen)
    .map((p) => {
      const lines = work.filter((w) => w.restUnits > 0 && p.skuCodes.has(w.sku.code));
      const subtotal = lines.reduce((n, w) => n + w.restTotal, 0);
      const times = subtotal < p.thresholdFen! ? 0 : p.repeatable ? Math.floor(subtotal / p.thresholdFen!) : 1;
      return { p, lines, subtotal, discount: Math.min(subtotal, times * p.offFen!) };
    })
    .filter((o) => o.discount > 0)
    .sort((a, b) => b.discount - a.discount);
  const best = spendOffers[0];
  if (best) {
    // Largest-remainder split, so the shares add up to the discount exactly.
    const shares = best.lines.map((w) => (best.discount * w.restTotal) / best.subtotal);
    const floors = shares.map(Math.floor);
    let left = best.discount - floors.reduce((a, b) => a + b, 0);
    shares
      .map((s, i) => [s - floors[i], i] as const)
      .sort((a, b) => b[0] - a[0])
      .forEach(([, i]) => left-- > 0 && floors[i]++);
    best.lines.forEach((w, i) => {
      w.restTotal -= floors[i];
      w.explanations.push(`${best.p.code}: share ${yuan(floors[i])} of ${yuan(best.discount)} off`);
    });
    credit(
      best.p,
      best.discount,
      `${best.p.name}: ${yuan(best.p.offFen!)} off every ${yuan(best.p.thresholdFen!)}${best.p.repeatable ? ' (repeatable)' : ''} on ${yuan(best.subtotal)}`,
    );
  }

  const lines = work.map((w) => {
    const lineTotalFen = w.flashTotal + w.restTotal;
    return {
      skuCode: w.sku.code,
      quantity: w.sku.quantity,
      listPriceFen: w.sku.listPriceFen,
      lineTotalFen,
      unitPriceFen: Math.round(lineTotalFen / w.sku.quantity),
      explanations: w.explanations,
    };
  });
  const listTotalFen = skus.reduce((n, s) => n + s.listPriceFen * s.quantity, 0);
  const totalFen = lines.reduce((n, l) => n + l.lineTotalFen, 0);
  const memberDiscountFen = work.reduce((n, w) => n + (w.sku.listPriceFen - w.base) * w.sku.quantity, 0);
  return { lines, listTotalFen, totalFen, discountFen: listTotalFen - totalFen, memberDiscountFen, applied: [...applied.values()] };
}
