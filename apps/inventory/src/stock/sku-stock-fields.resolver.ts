import { Directive, Field, Int, ObjectType, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Loaders, Public, Roles, alignByKey, groupByKey, type LoaderRegistry } from '@shopops/platform';
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

const STOCK_READERS = ['operator', 'warehouse', 'cs_agent', 'analyst'] as const;

/** Stock fields on the catalog's Sku, each batched per request. */
@Resolver(() => SkuReference)
export class SkuStockFieldsResolver {
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
      .get<string, StockLevel[]>('stockLevelsBySku', async (codes) => groupByKey(codes, await this.stockService.levelsFor(codes), (l) => l.skuCode))
      .load(sku.code);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { code: string }): SkuReference {
    return Object.assign(new SkuReference(), { code: reference.code });
  }
}
