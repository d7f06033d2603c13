import { Field, Int, ObjectType, Query, Resolver, Args } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { PromotionStarted, type EventEnvelope, type PromotionPayload } from '@shopops/contracts';
import { OnEvent, Roles, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';

@ObjectType()
export class FlashSaleSales {
  @Field(() => String) code!: string;
  @Field(() => Int, { description: 'Units of the sale’s SKUs in orders paid inside its window, every channel' }) unitsSold!: number;
  @Field(() => Int) orders!: number;
  @Field(() => Int, { nullable: true }) quantityCap!: number | null;
}

/** Flash sales as the catalog starts them, and what paid orders sold of them — live, from the order facts. */
@Injectable()
@Resolver()
export class FlashSaleSalesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @OnEvent(PromotionStarted)
  async started(tx: TransactionContext, event: EventEnvelope<PromotionPayload>): Promise<void> {
    const p = event.payload;
    if (p.kind !== 'FLASH_SALE') return;
    await tx.em.query(
      `INSERT INTO flash_sale_window (promotion_id, code, sku_codes, starts_at, ends_at, quantity_cap) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (promotion_id) DO NOTHING`,
      [p.promotionId, p.code, p.skuCodes, p.startsAt, p.endsAt, p.quantityCap ?? null],
    );
  }

  @Roles('analyst', 'operator')
  @Query(() => FlashSaleSales, { nullable: true, description: 'Units sold so far in a flash sale (paid orders, all channels)' })
  async flashSaleSales(@Args('code') code: string): Promise<FlashSaleSales | null> {
    const [window] = (await this.dataSource.query(`SELECT code, quantity_cap FROM flash_sale_window WHERE code = $1`, [code])) as Array<{ code: string; quantity_cap: number | null }>;
    if (!window) return null;
    const [sold] = (await this.dataSource.query(
      `SELECT coalesce(sum((l->>'quantity')::int), 0)::int AS units, count(DISTINCT o.channel || ':' || o.order_id)::int AS orders
         FROM flash_sale_window w JOIN order_fact o ON o.paid_at >= w.starts_at AND o.paid_at < w.ends_at CROSS JOIN LATERAL jsonb_array_elements(o.lines) l
        WHERE w.code = $1 AND (l->>'skuCode') = ANY (w.sku_codes)`,
      [code],
    )) as Array<{ units: number; orders: number }>;
    return Object.assign(new FlashSaleSales(), { code, unitsSold: sold.units, orders: sold.orders, quantityCap: window.quantity_cap });
  }
}
