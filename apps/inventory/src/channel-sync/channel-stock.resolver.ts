import { Args, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, UnitOfWork, type RequestContext } from '@shopops/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { ChannelStockSync } from './channel-stock-sync';

@ObjectType()
export class ChannelStockPolicyView {
  @Field(() => String) channel!: string;
  @Field(() => Int, { description: 'Share of available stock offered on the channel' }) sharePercent!: number;
  @Field(() => Int, { description: 'Below this the channel shows 0' }) floor!: number;
  @Field(() => Int, { description: 'Extra units sold ahead of stock (pre-sale)' }) virtualStock!: number;
}

@ObjectType()
export class ChannelStockView {
  @Field(() => String) channel!: string;
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Date) updatedAt!: Date;
}

@InputType()
export class ChannelStockPolicyInput {
  @Field(() => String) @IsString() @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a lowercase channel name' }) channel!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100) sharePercent!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) floor!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) virtualStock!: number;
}

@Resolver()
export class ChannelStockResolver {
  constructor(
    private readonly sync: ChannelStockSync,
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  @Roles('operator', 'analyst')
  @Query(() => [ChannelStockPolicyView], { description: 'How much of the shared pool each channel may show.' })
  channelStockPolicies(@Ctx() ctx: RequestContext) {
    return this.unitOfWork.run(ctx, (tx) => this.sync.policies(tx));
  }

  @Roles('operator', 'analyst', 'warehouse')
  @Query(() => [ChannelStockView], { description: 'What each channel publishes for a SKU right now.' })
  async channelStock(@Args('skuCode') skuCode: string): Promise<ChannelStockView[]> {
    const rows: Array<{ channel: string; sku_code: string; quantity: number; updated_at: Date }> = await this.dataSource.query(
      `SELECT channel, sku_code, quantity, updated_at FROM channel_stock_published WHERE sku_code = $1 ORDER BY channel`,
      [skuCode],
    );
    return rows.map((r) => ({ channel: r.channel, skuCode: r.sku_code, quantity: r.quantity, updatedAt: r.updated_at }));
  }

  @Roles('operator')
  @Mutation(() => ChannelStockPolicyView, { description: 'Sets a channel’s share, floor and virtual stock; republishes every SKU.' })
  setChannelStockPolicy(@Ctx() ctx: RequestContext, @Args('input') input: ChannelStockPolicyInput): Promise<ChannelStockPolicyView> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await tx.em.query(
        `INSERT INTO channel_stock_policy (channel, share_percent, floor, virtual_stock) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel) DO UPDATE SET share_percent = EXCLUDED.share_percent, floor = EXCLUDED.floor, virtual_stock = EXCLUDED.virtual_stock, updated_at = now()`,
        [input.channel, input.sharePercent, input.floor, input.virtualStock],
      );
      const skus: Array<{ sku_code: string }> = await tx.em.query(`SELECT DISTINCT sku_code FROM stock_level`);
      for (let i = 0; i < skus.length; i += 1000) await this.sync.afterChange(tx, skus.slice(i, i + 1000).map((s) => s.sku_code));
      return { ...input };
    });
  }
}
