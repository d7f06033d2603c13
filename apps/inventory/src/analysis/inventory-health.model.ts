import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum HealthGrouping {
  CATEGORY = 'CATEGORY',
  LOCATION = 'LOCATION',
}
registerEnumType(HealthGrouping, { name: 'HealthGrouping' });

@ObjectType()
export class InventoryHealthRow {
  @Field(() => String, { description: 'Category code or location code' }) group!: string;
  @Field(() => Int) units!: number;
  @Field(() => Float, { description: 'On hand × unit cost, in fen' }) stockValueFen!: number;
  @Field(() => Float, { nullable: true, description: 'Stock value ÷ cost of goods shipped per day (last 30 days); null when nothing shipped' }) turnoverDays!:
    number | null;
  @Field(() => Float, { description: 'Share of stock value that is slow-moving' }) slowMovingShare!: number;
}

@ObjectType()
export class AbcRow {
  @Field(() => String) skuCode!: string;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => Float) stockValueFen!: number;
  @Field(() => Float) cumulativeShare!: number;
  @Field(() => String, { description: 'A: top value, turnover target ≤ 30 days · B: small fast batches · C: pre-sale' }) abcClass!: string;
}

@ObjectType()
export class SlowMovingRow {
  @Field(() => String) skuCode!: string;
  @Field(() => String) locationCode!: string;
  @Field(() => Int) onHand!: number;
  @Field(() => Float) stockValueFen!: number;
  @Field(() => Int, { nullable: true }) daysSinceLastSale!: number | null;
  @Field(() => Float, { nullable: true, description: 'Days the stock lasts at the last 30 days’ pace; null when nothing sold' }) coverDays!: number | null;
  @Field(() => String, { nullable: true }) abcClass!: string | null;
}

@ObjectType({ description: 'Slow stock at one location that another location selling the SKU could use' })
export class SlowStockTransferSuggestion {
  @Field(() => String) skuCode!: string;
  @Field(() => String, { description: 'Where the stock is slow-moving' }) fromLocation!: string;
  @Field(() => String, { description: 'A location that sells the SKU' }) toLocation!: string;
  @Field(() => Int, { description: 'Units to move: the target topped up to INVENTORY_SLOW_STOCK_SHARE_COVER_DAYS of its demand' }) quantity!: number;
  @Field(() => Float, { description: "The target's units sold per day over the last 30 days" }) targetDailyDemand!: number;
  @Field(() => Int) targetAvailable!: number;
}

@ObjectType()
export class DemandForecastView {
  @Field(() => String) skuCode!: string;
  @Field(() => [Float], { description: 'Units per day for the next 30 days' }) daily!: number[];
  @Field(() => Float) total!: number;
  @Field(() => [Float], { description: 'Weekday multipliers, Monday first' }) weekdayIndex!: number[];
  @Field(() => Float, { nullable: true, description: 'Back-test mean absolute percentage error over the last 28 days' }) mape!: number | null;
  @Field(() => Float, { nullable: true, description: 'Back-test weighted absolute percentage error' }) wape!: number | null;
}

@ObjectType()
export class ReplenishmentSuggestionView {
  @Field(() => String) skuCode!: string;
  @Field(() => String) locationCode!: string;
  @Field(() => Int) available!: number;
  @Field(() => Int) safetyStock!: number;
  @Field(() => Int) reorderPoint!: number;
  @Field(() => Int) onOrder!: number;
  @Field(() => Float) dailyDemand!: number;
  @Field(() => Int) leadTimeDays!: number;
  @Field(() => Int) moq!: number;
  @Field(() => String, { nullable: true }) supplierCode!: string | null;
  @Field(() => String, { nullable: true, description: 'ABC class by stock value; null without stock value' }) abcClass!: string | null;
  @Field(() => String, {
    description:
      'TURNOVER_CAP (A: at most INVENTORY_A_TURNOVER_DAYS of cover + safety stock), SMALL_FAST_BATCHES (B), PRE_SALE (C: safety-stock shortfall only), STANDARD (no class)',
  })
  policy!: string;
  @Field(() => Int, { description: 'Days of forecast demand held after the lead time' }) coverDays!: number;
  @Field(() => Int) suggestedQuantity!: number;
}

@ObjectType()
export class InventoryAlert {
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'LOW_STOCK, OVERSTOCK, SLOW_MOVING, LATE_DELIVERY or SUDDEN_DROP' }) kind!: string;
  @Field(() => String, { nullable: true }) skuCode!: string | null;
  @Field(() => String, { nullable: true }) locationCode!: string | null;
  @Field(() => String, { description: 'JSON with the figures behind the alert' }) detail!: string;
  @Field(() => Date) raisedAt!: Date;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
}
