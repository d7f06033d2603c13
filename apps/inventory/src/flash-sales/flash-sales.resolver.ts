import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { DataSource } from 'typeorm';

@ObjectType()
export class FlashSaleStatus {
  @Field(() => String) code!: string;
  @Field(() => [String]) skuCodes!: string[];
  @Field(() => Int, { description: 'Units held by reservations at the flash price (released ones given back)' }) sold!: number;
  @Field(() => Int, { nullable: true }) quantityCap!: number | null;
  @Field(() => Int, { nullable: true }) perBuyerLimit!: number | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Boolean) ended!: boolean;
}

@Resolver()
export class FlashSalesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('operator', 'warehouse', 'analyst')
  @Query(() => [FlashSaleStatus], { description: 'Flash sales inventory enforces: caps, per-buyer limits, units held' })
  async flashSales(): Promise<FlashSaleStatus[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(`SELECT * FROM flash_sale ORDER BY starts_at DESC LIMIT 100`);
    return rows.map((r) =>
      Object.assign(new FlashSaleStatus(), { code: r.code, skuCodes: r.sku_codes, sold: r.sold, quantityCap: r.quantity_cap, perBuyerLimit: r.per_buyer_limit, startsAt: r.starts_at, endsAt: r.ends_at, ended: r.ended }),
    );
  }
}
