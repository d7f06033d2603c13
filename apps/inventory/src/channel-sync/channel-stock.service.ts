import { Injectable } from '@nestjs/common';
import { execute, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import type { ChannelStockPolicyInput, ChannelStockPolicyView, ChannelStockView } from './channel-stock.model';
import { ChannelStockSync, type ChannelStockPolicy } from './channel-stock-sync';

/** Channel stock policies and published quantities as operators read and set them. */
@Injectable()
export class ChannelStockService {
  constructor(
    private readonly sync: ChannelStockSync,
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  policies(ctx: RequestContext): Promise<ChannelStockPolicy[]> {
    return this.unitOfWork.run(ctx, (tx) => this.sync.policies(tx));
  }

  async publishedFor(skuCode: string): Promise<ChannelStockView[]> {
    const rows = await selectRows<{ channel: string; sku_code: string; quantity: number; updated_at: Date }>(
      this.dataSource,
      `SELECT channel, sku_code, quantity, updated_at FROM channel_stock_published WHERE sku_code = $1 ORDER BY channel`,
      [skuCode],
    );
    return rows.map((r) => ({ channel: r.channel, skuCode: r.sku_code, quantity: r.quantity, updatedAt: r.updated_at }));
  }

  /** A new share, floor or virtual stock changes what every SKU shows: all are republished. */
  setPolicy(ctx: RequestContext, input: ChannelStockPolicyInput): Promise<ChannelStockPolicyView> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await execute(
        tx.em,
        `INSERT INTO channel_stock_policy (channel, share_percent, floor, virtual_stock) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel) DO UPDATE SET share_percent = EXCLUDED.share_percent, floor = EXCLUDED.floor, virtual_stock = EXCLUDED.virtual_stock, updated_at = now()`,
        [input.channel, input.sharePercent, input.floor, input.virtualStock],
      );
      const skus = await selectRows<{ sku_code: string }>(tx.em, `SELECT DISTINCT sku_code FROM stock_level`);
      for (let i = 0; i < skus.length; i += 1000)
        await this.sync.afterChange(
          tx,
          skus.slice(i, i + 1000).map((s) => s.sku_code),
        );
      return { ...input };
    });
  }
}
