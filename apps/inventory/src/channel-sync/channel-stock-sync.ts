import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ChannelStockChanged } from '@shopops/contracts';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { StockLedger, type StockChangeFollower } from '../stock/stock-ledger';

export interface ChannelStockPolicy {
  readonly channel: string;
  /** Share of available stock offered on the channel. */
  readonly sharePercent: number;
  /** Below this, the channel shows 0 rather than a last few units. */
  readonly floor: number;
  /** Extra units the channel may sell ahead of stock (pre-sale). */
  readonly virtualStock: number;
}

/** What one channel should show as sellable, out of what the shared pool has available. */
export function publishableQuantity(available: number, policy: ChannelStockPolicy): number {
  const share = Math.floor((Math.max(0, available) * policy.sharePercent) / 100);
  return (share < policy.floor ? 0 : share) + policy.virtualStock;
}

/**
 * One stock pool, many storefronts: after every stock change, recomputes what each channel
 * should publish for the changed SKUs and emits the changes for outbound sync.
 */
@Injectable()
export class ChannelStockSync implements StockChangeFollower, OnModuleInit {
  constructor(private readonly ledger: StockLedger) {}

  onModuleInit(): void {
    this.ledger.follow(this);
  }

  async afterChange(tx: TransactionContext, skuCodes: readonly string[]): Promise<void> {
    if (skuCodes.length === 0) return;
    const [policies, totals, published] = await Promise.all([
      this.policies(tx),
      selectRows<{ sku_code: string; available: number }>(
        tx.em,
        `SELECT sku_code, sum(on_hand - reserved)::int AS available FROM stock_level WHERE sku_code = ANY($1::text[]) GROUP BY sku_code`,
        [skuCodes],
      ),
      selectRows<{ channel: string; sku_code: string; quantity: number }>(
        tx.em,
        `SELECT channel, sku_code, quantity FROM channel_stock_published WHERE sku_code = ANY($1::text[])`,
        [skuCodes],
      ),
    ]);
    const available = new Map(totals.map((t) => [t.sku_code, t.available]));
    const shown = new Map(published.map((p) => [`${p.channel}\u0000${p.sku_code}`, p.quantity]));
    const changes: Array<{ channel: string; skuCode: string; quantity: number }> = [];
    for (const skuCode of skuCodes) {
      for (const policy of policies) {
        const quantity = publishableQuantity(available.get(skuCode) ?? 0, policy);
        if ((shown.get(`${policy.channel}\u0000${skuCode}`) ?? 0) !== quantity) changes.push({ channel: policy.channel, skuCode, quantity });
      }
    }
    await this.publish(tx, changes);
  }

  async publish(tx: TransactionContext, changes: ReadonlyArray<{ channel: string; skuCode: string; quantity: number }>): Promise<void> {
    if (changes.length === 0) return;
    await execute(
      tx.em,
      `INSERT INTO channel_stock_published (channel, sku_code, quantity)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
       ON CONFLICT (channel, sku_code) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()`,
      [changes.map((c) => c.channel), changes.map((c) => c.skuCode), changes.map((c) => c.quantity)],
    );
    for (const change of changes) tx.emit(ChannelStockChanged, change, { validated: true });
  }

  async policies(tx: TransactionContext): Promise<ChannelStockPolicy[]> {
    const rows = await selectRows<{ channel: string; share_percent: number; floor: number; virtual_stock: number }>(
      tx.em,
      `SELECT channel, share_percent, floor, virtual_stock FROM channel_stock_policy ORDER BY channel`,
    );
    return rows.map((r) => ({ channel: r.channel, sharePercent: r.share_percent, floor: r.floor, virtualStock: r.virtual_stock }));
  }
}
