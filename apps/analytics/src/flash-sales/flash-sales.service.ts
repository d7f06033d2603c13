import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { selectRow, selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';

@ObjectType()
export class FlashSaleSales {
  @Field(() => String) code!: string;
  @Field(() => Int, { description: 'Units of the sale’s SKUs in orders paid inside its window, every channel' }) unitsSold!: number;
  @Field(() => Int) orders!: number;
  @Field(() => Int, { nullable: true }) quantityCap!: number | null;
}

/** What paid orders sold of a flash sale — live, from the order facts. */
@Injectable()
export class FlashSalesService {
  constructor(private readonly dataSource: DataSource) {}

  async salesOf(code: string): Promise<FlashSaleSales | null> {
    const window = await selectRow<{ code: string; quantity_cap: number | null }>(
      this.dataSource,
      `SELECT code, quantity_cap FROM flash_sale_window WHERE code = $1`,
      [code],
    );
    if (!window) return null;
    const [sold] = await selectRows<{ units: number; orders: number }>(
      this.dataSource,
      `SELECT coalesce(sum((l->>'quantity')::int), 0)::int AS units, count(DISTINCT o.channel || ':' || o.order_id)::int AS orders
         FROM flash_sale_window w JOIN order_fact o ON o.paid_at >= w.starts_at AND o.paid_at < w.ends_at CROSS JOIN LATERAL jsonb_array_elements(o.lines) l
        WHERE w.code = $1 AND (l->>'skuCode') = ANY (w.sku_codes)`,
      [code],
    );
    return Object.assign(new FlashSaleSales(), { code, unitsSold: sold.units, orders: sold.orders, quantityCap: window.quantity_cap });
  }
}
