import { Args, createUnionType, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { ReceiveStockInput } from './dto/receive-stock.input';
import { AdjustStockInput, RecordStockCountInput, SetStockPolicyInput } from './dto/stock-ops.input';
import { BelowReservedError } from './stock-errors';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';
import { StockMovementsService } from './stock-movements.service';
import { StockService } from './stock.service';

export const ReceiveStockResult = createUnionType({
  name: 'ReceiveStockResult',
  types: () => [StockLevel, NotFoundError] as const,
  resolveType: (value: object) => (value instanceof NotFoundError ? NotFoundError : StockLevel),
});

export const StockChangeResult = createUnionType({
  name: 'StockChangeResult',
  types: () => [StockLevel, NotFoundError, BelowReservedError] as const,
  resolveType: (value: object) => value.constructor,
});

@ObjectType()
export class LedgerDifference {
  @Field(() => String) skuCode!: string;
  @Field(() => String) locationCode!: string;
  @Field(() => Int) onHand!: number;
  @Field(() => Int, { description: 'On hand as the ledger adds it up' }) ledgerOnHand!: number;
  @Field(() => Int) reserved!: number;
  @Field(() => Int) ledgerReserved!: number;
}

@Resolver(() => StockLevel)
export class StockResolver {
  constructor(
    private readonly stock: StockService,
    private readonly movementsService: StockMovementsService,
  ) {}

  @Roles('warehouse', 'operator')
  @Mutation(() => ReceiveStockResult, { description: 'Adds received units of a SKU at a location.' })
  receiveStock(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveStockInput): Promise<StockLevel | NotFoundError> {
    return this.stock.receiveStock(ctx, input);
  }

  @Roles('warehouse', 'operator')
  @Mutation(() => StockChangeResult, { description: 'Adds or removes units with a reason (damage, found, correction…).' })
  adjustStock(@Ctx() ctx: RequestContext, @Args('input') input: AdjustStockInput) {
    return this.stock.adjustStock(ctx, input);
  }

  @Roles('warehouse')
  @Mutation(() => StockChangeResult, { description: 'Records a physical count: on hand becomes what was counted.' })
  recordStockCount(@Ctx() ctx: RequestContext, @Args('input') input: RecordStockCountInput) {
    return this.stock.recordCount(ctx, input);
  }

  @Roles('operator', 'warehouse')
  @Mutation(() => StockChangeResult, { description: 'Sets safety stock and reorder point of a SKU at a location.' })
  setStockPolicy(@Ctx() ctx: RequestContext, @Args('input') input: SetStockPolicyInput) {
    return this.stock.setStockPolicy(ctx, input);
  }

  @Roles('admin')
  @Mutation(() => [LedgerDifference], { description: 'Rebuilds stock levels from the movement ledger; lists what differed. apply=false only reports.' })
  rebuildStockLevels(@Ctx() ctx: RequestContext, @Args('apply', { type: () => Boolean, defaultValue: false }) apply: boolean) {
    return this.movementsService.rebuildLevels(ctx, apply);
  }

  @Roles('warehouse', 'operator', 'analyst')
  @Query(() => [LedgerDifference], { description: 'Stock levels that differ from the sum of their ledger movements (should be empty).' })
  ledgerDifferences() {
    return this.movementsService.ledgerDifferences();
  }

  @Roles('warehouse', 'operator', 'analyst')
  @Query(() => [StockMovement], { description: 'The ledger of a SKU, newest first.' })
  stockMovements(
    @Args('skuCode') skuCode: string,
    @Args('locationCode', { type: () => String, nullable: true }) locationCode: string | undefined,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<StockMovement[]> {
    return this.movementsService.movements(skuCode, locationCode, first);
  }
}
