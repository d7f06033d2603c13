import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ChannelStockChanged, ChannelStockFlushDue, type ChannelStockFlushDuePayload, type EventEnvelope } from '@shopops/contracts';
import { execute, OnEvent, selectRows, type TransactionContext } from '@shopops/platform';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
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

export interface ChannelQuantity {
  readonly channel: string;
  readonly skuCode: string;
  readonly quantity: number;
}

/** What a channel was last told about a SKU. */
export interface PublishedState {
  readonly emittedAt: Date | null;
  /** A publication of the latest quantity is already scheduled. */
  readonly flushDueAt: Date | null;
}

export const channelKey = (channel: string, skuCode: string): string => `${channel}\u0000${skuCode}`;

/**
 * Coalescing per channel and SKU: the first change in a window is published at once; later ones
 * inside it wait for one publication of the latest quantity at the window's end (already pending,
 * or scheduled now). A hot SKU selling 50 units a second is published about once a second.
 */
export function coalesce(
  changes: readonly ChannelQuantity[],
  state: ReadonlyMap<string, PublishedState>,
  now: Date,
  windowMs: number,
): { now: ChannelQuantity[]; later: Array<ChannelQuantity & { dueAt: Date }> } {
  const publishNow: ChannelQuantity[] = [];
  const later: Array<ChannelQuantity & { dueAt: Date }> = [];
  for (const change of changes) {
    const last = state.get(channelKey(change.channel, change.skuCode));
    if (last?.flushDueAt) continue;
    const quietSince = last?.emittedAt ? now.getTime() - last.emittedAt.getTime() : Infinity;
    if (quietSince >= windowMs) publishNow.push(change);
    else later.push({ ...change, dueAt: new Date((last?.emittedAt?.getTime() ?? now.getTime()) + windowMs) });
  }
  return { now: publishNow, later };
}

/**
 * One stock pool, many storefronts: after every stock change, recomputes what each channel
 * should show for the changed SKUs and publishes the changes for outbound sync, coalesced per
 * channel and SKU (INVENTORY_CHANNEL_STOCK_COALESCE_MS).
 */
@Injectable()
export class ChannelStockSync implements StockChangeFollower, OnModuleInit {
  constructor(
    private readonly ledger: StockLedger,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

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
      selectRows<{ channel: string; sku_code: string; quantity: number; emitted_at: Date | null; flush_due_at: Date | null }>(
        tx.em,
        `SELECT channel, sku_code, quantity, emitted_at, flush_due_at FROM channel_stock_published WHERE sku_code = ANY($1::text[])`,
        [skuCodes],
      ),
    ]);
    const available = new Map(totals.map((t) => [t.sku_code, t.available]));
    const shown = new Map(published.map((p) => [channelKey(p.channel, p.sku_code), p]));
    const changes: ChannelQuantity[] = [];
    for (const skuCode of skuCodes) {
      for (const policy of policies) {
        const quantity = publishableQuantity(available.get(skuCode) ?? 0, policy);
        if ((shown.get(channelKey(policy.channel, skuCode))?.quantity ?? 0) !== quantity) changes.push({ channel: policy.channel, skuCode, quantity });
      }
    }
    await this.publish(tx, changes, new Map([...shown].map(([key, p]) => [key, { emittedAt: p.emitted_at, flushDueAt: p.flush_due_at }])));
  }

  /** Records what each channel should show now, and publishes it (at once, or at the end of the coalescing window). */
  async publish(tx: TransactionContext, changes: readonly ChannelQuantity[], state: ReadonlyMap<string, PublishedState>): Promise<void> {
    if (changes.length === 0) return;
    const now = new Date();
    const decided = coalesce(changes, state, now, this.config.channelStockCoalesceMs);
    const publishedNow = new Set(decided.now.map((c) => channelKey(c.channel, c.skuCode)));
    const dueAt = new Map(decided.later.map((c) => [channelKey(c.channel, c.skuCode), c.dueAt]));
    await execute(
      tx.em,
      `INSERT INTO channel_stock_published AS p (channel, sku_code, quantity, emitted_quantity, emitted_at, flush_due_at)
       SELECT c.channel, c.sku_code, c.quantity, CASE WHEN c.now THEN c.quantity END, CASE WHEN c.now THEN $5::timestamptz END, c.due_at
         FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[], $6::timestamptz[]) AS c(channel, sku_code, quantity, now, due_at)
       ON CONFLICT (channel, sku_code) DO UPDATE SET
         quantity = EXCLUDED.quantity, updated_at = now(),
         emitted_quantity = COALESCE(EXCLUDED.emitted_quantity, p.emitted_quantity),
         emitted_at = COALESCE(EXCLUDED.emitted_at, p.emitted_at),
         flush_due_at = COALESCE(EXCLUDED.flush_due_at, p.flush_due_at)`,
      [
        changes.map((c) => c.channel),
        changes.map((c) => c.skuCode),
        changes.map((c) => c.quantity),
        changes.map((c) => publishedNow.has(channelKey(c.channel, c.skuCode))),
        now,
        changes.map((c) => dueAt.get(channelKey(c.channel, c.skuCode)) ?? null),
      ],
    );
    for (const change of decided.now) tx.emit(ChannelStockChanged, change, { validated: true });
    for (const { dueAt: at, ...change } of decided.later) {
      tx.emit(
        ChannelStockFlushDue,
        { channel: change.channel, skuCode: change.skuCode },
        { validated: true, delayMs: Math.max(1, at.getTime() - now.getTime()) },
      );
    }
  }

  /** The window's end: publishes the channel's latest quantity, unless it came back to what was last published. */
  @OnEvent(ChannelStockFlushDue)
  async flush(tx: TransactionContext, event: EventEnvelope<ChannelStockFlushDuePayload>): Promise<void> {
    const { channel, skuCode } = event.payload;
    const [row] = await selectRows<{ quantity: number; previously: number | null }>(
      tx.em,
      `WITH pending AS (
         SELECT channel, sku_code, emitted_quantity FROM channel_stock_published
          WHERE channel = $1 AND sku_code = $2 AND flush_due_at IS NOT NULL FOR UPDATE
       )
       UPDATE channel_stock_published p SET flush_due_at = NULL, emitted_quantity = p.quantity,
              emitted_at = CASE WHEN p.quantity IS DISTINCT FROM pending.emitted_quantity THEN now() ELSE p.emitted_at END
         FROM pending WHERE p.channel = pending.channel AND p.sku_code = pending.sku_code
       RETURNING p.quantity, pending.emitted_quantity AS previously`,
      [channel, skuCode],
    );
    if (row && row.quantity !== row.previously) tx.emit(ChannelStockChanged, { channel, skuCode, quantity: row.quantity }, { validated: true });
  }

  async policies(tx: TransactionContext): Promise<ChannelStockPolicy[]> {
    const rows = await selectRows<{ channel: string; share_percent: number; floor: number; virtual_stock: number }>(
      tx.em,
      `SELECT channel, share_percent, floor, virtual_stock FROM channel_stock_policy ORDER BY channel`,
    );
    return rows.map((r) => ({ channel: r.channel, sharePercent: r.share_percent, floor: r.floor, virtualStock: r.virtual_stock }));
  }
}
