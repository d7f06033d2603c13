import { Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { FlashSaleStatus } from './flash-sale.model';

interface FlashSaleRow {
  code: string;
  sku_codes: string[];
  sold: number;
  quantity_cap: number | null;
  per_buyer_limit: number | null;
  starts_at: Date;
  ends_at: Date;
  ended: boolean;
}

/** Flash sales as operators see them: caps, limits and the units held against them. */
@Injectable()
export class FlashSalesService {
  constructor(private readonly dataSource: DataSource) {}

  async recent(): Promise<FlashSaleStatus[]> {
    const rows = await selectRows<FlashSaleRow>(this.dataSource, `SELECT * FROM flash_sale ORDER BY starts_at DESC LIMIT 100`);
    return rows.map((r) =>
      Object.assign(new FlashSaleStatus(), {
        code: r.code,
        skuCodes: r.sku_codes,
        sold: r.sold,
        quantityCap: r.quantity_cap,
        perBuyerLimit: r.per_buyer_limit,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        ended: r.ended,
      }),
    );
  }
}
