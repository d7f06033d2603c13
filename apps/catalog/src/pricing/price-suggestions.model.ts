import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A suggested list price change from stock pressure, season and sell-through, for an operator to accept or dismiss' })
export class PriceSuggestion {
  @Field(() => String) skuCode!: string;
  @Field(() => String) productCode!: string;
  @Field(() => String, { description: 'MARKDOWN or MARKUP' }) direction!: string;
  @Field(() => Int, { description: 'The list price when the suggestion was made' }) currentPriceFen!: number;
  @Field(() => Int, { description: 'On an anchor price point when one is within reach' }) suggestedPriceFen!: number;
  @Field(() => Int, { description: 'Sellable units when the suggestion was made' }) stock!: number;
  @Field(() => Int, { description: 'Units sold in the pricing window (CATALOG_PRICING_WINDOW_DAYS)' }) sold!: number;
  @Field(() => Float) sellThroughPercent!: number;
  @Field(() => Float, { nullable: true, description: 'Days the stock lasts at the window’s sales rate; null when nothing sold' }) coverDays!: number | null;
  @Field(() => [String]) reasons!: string[];
  @Field(() => String) status!: string;
  @Field(() => Date) detectedAt!: Date;
}
