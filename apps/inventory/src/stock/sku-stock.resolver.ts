import { Args, Directive, Field, Int, Mutation, ObjectType, Parent, ResolveField, Resolver, ResolveReference, createUnionType } from '@nestjs/graphql';
import { Ctx, Loaders, NotFoundError, Public, Roles, alignByKey, groupByKey, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { ReceiveStockInput } from './dto/receive-stock.input';
import { StockLevel } from './stock-level.entity';
import { StockService, type StockTotals } from './stock.service';

/** The catalog's Sku, extended with its stock. */
@Directive('@key(fields: "code")')
@ObjectType('Sku')
export class SkuReference {
  @Field(() => String) code!: string;
}

@ObjectType()
export class StockSummary {
  @Field(() => Int) onHand!: number;
  @Field(() => Int) reserved!: number;
  @Field(() => Int) available!: number;
}

export const ReceiveStockResult = createUnionType({
  name: 'ReceiveStockResult',
  types: () => [StockLevel, NotFoundError] as const,
  resolveType: (value: object) => (value instanceof NotFoundError ? NotFoundError : StockLevel),
});

const STOCK_READERS = ['operator', 'warehouse', 'cs_agent', 'analyst'] as const;

@Resolver(() => SkuReference)
export class SkuStockResolver {
  constructor(private readonly stockService: StockService) {}

  @Roles(...STOCK_READERS)
  @ResolveField(() => StockSummary, { description: 'On hand, reserved and available summed over all locations' })
  stock(@Parent() sku: SkuReference, @Loaders() loaders: LoaderRegistry): Promise<StockSummary> {
    return loaders
      .get<string, StockTotals>('stockTotalsBySku', async (codes) =>
        alignByKey(codes, await this.stockService.totalsFor(codes), (t) => t.skuCode).map(
          (t, i) => t ?? { skuCode: codes[i], onHand: 0, reserved: 0, available: 0 },
        ),
      )
      .load(sku.code);
  }

  @Roles(...STOCK_READERS)
  @ResolveField(() => [StockLevel], { description: 'Stock per location' })
  stockLevels(@Parent() sku: SkuReference, @Loaders() loaders: LoaderRegistry): Promise<StockLevel[]> {
    return loaders
      .get<string, StockLevel[]>('stockLevelsBySku', async (codes) =>
        groupByKey(codes, await this.stockService.levelsFor(codes), (l) => l.skuCode),
      )
      .load(sku.code);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { code: string }): SkuReference {
    return Object.assign(new SkuReference(), { code: reference.code });
  }

  @Roles('warehouse', 'operator')
  @Mutation(() => ReceiveStockResult, { description: 'Adds received units of a SKU at a location.' })
  receiveStock(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveStockInput): Promise<StockLevel | NotFoundError> {
    return this.stockService.receiveStock(ctx, input);
  }
}
