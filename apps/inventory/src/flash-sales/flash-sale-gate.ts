import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { orderKey, OrderHolds } from '../reservations/order-holds';
import type { ReservationState } from '../reservations/reservation.types';

interface Sale {
  readonly promotionId: string;
  readonly code: string;
  readonly skuCodes: ReadonlySet<string>;
  readonly cap: number | null;
  readonly perBuyer: number | null;
  sold: number;
  readonly buyers: Map<string, number>;
}

export interface FlashSaleRefusal {
  readonly kind: 'flash-sale-limit';
  readonly message: string;
  readonly skuCode: string;
  readonly requested: number;
  /** Units of the sale still to be had at the flash price. */
  readonly available: number;
}

interface FlashSaleRow {
  promotion_id: string;
  code: string;
  sku_codes: string[];
  quantity_cap: number | null;
  per_buyer_limit: number | null;
  sold: number;
}

/** Units of one sale held by one order, and whose they are. */
interface HeldRow {
  promotion_id: string;
  channel: string;
  order_id: string;
  buyer_key: string;
  units: number;
}

/** Of `ordered` units, how many a buyer who already holds `bought` gets at the flash price. */
export function flashPriceUnits(ordered: number, perBuyerLimit: number | null, bought: number): number {
  return perBuyerLimit === null ? ordered : Math.min(ordered, Math.max(0, perBuyerLimit - bought));
}

/**
 * The flash sales a reservation batch touches, locked for the batch: an order's units of a sale's
 * SKUs count against the sale's cap and the buyer's limit (one buyer across channels when
 * membership has linked the accounts), all lines or none; a released order gives its units back.
 */
export class FlashSaleGate {
  private readonly holds = new OrderHolds<{ sale: Sale; buyer: string; units: number }>();

  private constructor(
    private readonly sales: Sale[],
    private readonly buyerKeys: Map<string, string>,
    held: HeldRow[],
  ) {
    for (const h of held) {
      const sale = sales.find((s) => s.promotionId === h.promotion_id);
      if (sale) this.holds.load(h.channel, h.order_id, { sale, buyer: h.buyer_key, units: h.units });
    }
  }

  /** `orders`: every order of the batch with its buyer (from the stored reservation or the update carrying the lines). */
  static async load(
    tx: TransactionContext,
    skuCodes: readonly string[],
    orders: ReadonlyArray<{ channel: string; orderId: string; buyerId: string | null }>,
  ): Promise<FlashSaleGate> {
    const rows = skuCodes.length
      ? await selectRows<FlashSaleRow>(
          tx.em,
          `SELECT promotion_id, code, sku_codes, quantity_cap, per_buyer_limit, sold FROM flash_sale
            WHERE sku_codes && $1::text[] AND NOT ended AND starts_at <= now() AND ends_at > now() ORDER BY promotion_id FOR UPDATE`,
          [skuCodes],
        )
      : [];
    const accounts = orders.filter((s) => s.buyerId);
    const members = accounts.length
      ? await selectRows<{ channel: string; platform_user_id: string; member_id: string }>(
          tx.em,
          `SELECT channel, platform_user_id, member_id FROM buyer_member WHERE (channel, platform_user_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          [accounts.map((s) => s.channel), accounts.map((s) => s.buyerId)],
        )
      : [];
    const buyerKeys = new Map<string, string>();
    for (const s of accounts) {
      const member = members.find((m) => m.channel === s.channel && m.platform_user_id === s.buyerId);
      buyerKeys.set(orderKey(s.channel, s.orderId), member ? `member:${member.member_id}` : `${s.channel}:${s.buyerId}`);
    }
    const ids = rows.map((r) => r.promotion_id);
    const [buyers, held] = ids.length
      ? await Promise.all([
          selectRows<{ promotion_id: string; buyer_key: string; units: number }>(
            tx.em,
            `SELECT promotion_id, buyer_key, units FROM flash_sale_buyer WHERE promotion_id = ANY ($1::uuid[]) AND buyer_key = ANY ($2::text[])`,
            [ids, [...new Set(buyerKeys.values())]],
          ),
          selectRows<HeldRow>(
            tx.em,
            `SELECT * FROM flash_sale_order WHERE promotion_id = ANY ($1::uuid[]) AND (channel, order_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
            [ids, orders.map((s) => s.channel), orders.map((s) => s.orderId)],
          ),
        ])
      : [[], []];
    const sales = rows.map((r) => ({
      promotionId: r.promotion_id,
      code: r.code,
      skuCodes: new Set(r.sku_codes),
      cap: r.quantity_cap,
      perBuyer: r.per_buyer_limit,
      sold: r.sold,
      buyers: new Map(buyers.filter((b) => b.promotion_id === r.promotion_id).map((b) => [b.buyer_key, b.units])),
    }));
    return new FlashSaleGate(sales, buyerKeys, held);
  }

  /**
   * Takes the order's flash-sale units, or refuses all of them with the reason. The per-buyer limit
   * bounds the units a buyer gets at the flash price, not what they may buy: units past it are sold
   * at the normal price (as the catalog's quote prices them), so they are neither refused nor
   * counted against the cap. The cap refuses an order whose flash-price units no longer fit.
   */
  admit(state: ReservationState): FlashSaleRefusal | undefined {
    if (!this.sales.length) return undefined;
    if (this.holds.holds(state.channel, state.orderId)) return undefined;
    const buyer = this.buyerKeys.get(orderKey(state.channel, state.orderId)) ?? `${state.channel}:order:${state.orderId}`;
    const takes: Array<{ sale: Sale; buyer: string; units: number }> = [];
    for (const sale of this.sales) {
      const ordered = state.lines.filter((l) => sale.skuCodes.has(l.skuCode)).reduce((n, l) => n + l.quantity, 0);
      const units = flashPriceUnits(ordered, sale.perBuyer, sale.buyers.get(buyer) ?? 0);
      if (!units) continue;
      if (sale.cap !== null && sale.sold + units > sale.cap) {
        return {
          kind: 'flash-sale-limit',
          message: `flash sale ${sale.code} sold out: ${sale.cap - sale.sold} of ${sale.cap} left`,
          skuCode: state.lines.find((l) => sale.skuCodes.has(l.skuCode))!.skuCode,
          requested: units,
          available: Math.max(0, sale.cap - sale.sold),
        };
      }
      takes.push({ sale, buyer, units });
    }
    for (const t of takes) {
      t.sale.sold += t.units;
      t.sale.buyers.set(t.buyer, (t.sale.buyers.get(t.buyer) ?? 0) + t.units);
    }
    this.holds.admit(state.channel, state.orderId, takes);
    return undefined;
  }

  /** The order did not get its stock after all, or was released: its units go back. */
  giveBack(state: ReservationState): void {
    for (const t of this.holds.release(state.channel, state.orderId)) {
      t.sale.sold -= t.units;
      t.sale.buyers.set(t.buyer, Math.max(0, (t.sale.buyers.get(t.buyer) ?? 0) - t.units));
    }
  }

  async save(tx: TransactionContext): Promise<void> {
    if (!this.sales.length) return;
    for (const sale of this.sales) {
      await execute(tx.em, `UPDATE flash_sale SET sold = $2 WHERE promotion_id = $1`, [sale.promotionId, sale.sold]);
      if (sale.buyers.size) {
        await execute(
          tx.em,
          `INSERT INTO flash_sale_buyer (promotion_id, buyer_key, units) SELECT $1, k, u FROM unnest($2::text[], $3::int[]) AS t(k, u)
           ON CONFLICT (promotion_id, buyer_key) DO UPDATE SET units = EXCLUDED.units`,
          [sale.promotionId, [...sale.buyers.keys()], [...sale.buyers.values()]],
        );
      }
    }
    const added = this.holds.added();
    if (added.length) {
      await execute(
        tx.em,
        `INSERT INTO flash_sale_order (promotion_id, channel, order_id, buyer_key, units) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) ON CONFLICT DO NOTHING`,
        [
          added.map((a) => a.hold.sale.promotionId),
          added.map((a) => a.channel),
          added.map((a) => a.orderId),
          added.map((a) => a.hold.buyer),
          added.map((a) => a.hold.units),
        ],
      );
    }
    const gone = this.holds.removed();
    if (gone.length) {
      await execute(
        tx.em,
        `DELETE FROM flash_sale_order WHERE promotion_id = ANY ($1::uuid[]) AND (channel, order_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
        [this.sales.map((s) => s.promotionId), gone.map((g) => g.channel), gone.map((g) => g.orderId)],
      );
    }
  }
}
