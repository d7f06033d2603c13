import { Inject } from '@nestjs/common';
import { Args, createUnionType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, NotFoundError, Public, Roles, type RequestContext } from '@shopops/platform';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { Sku } from '../products/sku.entity';
import { seesWholeRange } from '../products/product-visibility';
import { PriceHonestyError, PriceQuote, PriceQuoteInput, Promotion, PromotionConflictError, PromotionInput, PromotionStatus } from './pricing.model';
import { PriceSuggestion } from './price-suggestions.model';
import { PriceSuggestionsService } from './price-suggestions.service';
import { PricingService } from './pricing.service';
import { PromotionsService } from './promotions.service';

export const CreatePromotionResult = createUnionType({
  name: 'CreatePromotionResult',
  types: () => [Promotion, NotFoundError, PromotionConflictError, PriceHonestyError] as const,
  resolveType: byResultClass,
});
export const CancelPromotionResult = createUnionType({
  name: 'CancelPromotionResult',
  types: () => [Promotion, NotFoundError] as const,
  resolveType: byResultClass,
});
export const SetListPriceResult = createUnionType({ name: 'SkuPriceResult', types: () => [Sku, NotFoundError] as const, resolveType: byResultClass });
export const PriceQuoteResult = createUnionType({ name: 'PriceQuoteResult', types: () => [PriceQuote, NotFoundError] as const, resolveType: byResultClass });

@Resolver()
export class PricingResolver {
  constructor(
    private readonly pricingService: PricingService,
    private readonly promotionsService: PromotionsService,
    private readonly priceSuggestionsService: PriceSuggestionsService,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  @Roles('operator', 'analyst')
  @Query(() => [Int], { description: 'The shop’s anchor price points in fen (e.g. 99900 = ¥999), which price suggestions land on' })
  anchorPricePoints(): number[] {
    return [...this.config.pricingSuggestions.anchorPricePointsFen].sort((a, b) => a - b);
  }

  @Roles('operator', 'analyst')
  @Query(() => [PriceSuggestion], { description: 'List price changes suggested from stock pressure, season and sell-through' })
  priceSuggestions(@Args('status', { type: () => String, defaultValue: 'OPEN' }) status: string): Promise<PriceSuggestion[]> {
    if (!['OPEN', 'ACCEPTED', 'DISMISSED'].includes(status)) throw invalidField('status', 'must be OPEN, ACCEPTED or DISMISSED');
    return this.priceSuggestionsService.list(status);
  }

  @Roles('operator')
  @Mutation(() => SetListPriceResult, { description: 'Accepts the open price suggestion for a SKU: its list price becomes the suggested one.' })
  acceptPriceSuggestion(@Ctx() ctx: RequestContext, @Args('skuCode') skuCode: string) {
    return this.priceSuggestionsService.decide(ctx, skuCode, true);
  }

  @Roles('operator')
  @Mutation(() => SetListPriceResult, { description: 'Dismisses the open price suggestion for a SKU; its price stays.' })
  dismissPriceSuggestion(@Ctx() ctx: RequestContext, @Args('skuCode') skuCode: string) {
    return this.priceSuggestionsService.decide(ctx, skuCode, false);
  }

  @Roles('operator')
  @Mutation(() => SetListPriceResult, { description: 'Sets a SKU’s list price (kept in its price history).' })
  setListPrice(@Ctx() ctx: RequestContext, @Args('skuCode') skuCode: string, @Args('listPriceFen', { type: () => Int }) listPriceFen: number) {
    if (!Number.isInteger(listPriceFen) || listPriceFen < 0 || listPriceFen > 100_000_000) throw invalidField('listPriceFen', 'must be 0 to 100000000 fen');
    return this.pricingService.setListPrice(ctx, skuCode, listPriceFen);
  }

  @Roles('operator')
  @Mutation(() => SetListPriceResult, { description: 'Sets (or with null removes) a member-tier price for a SKU.' })
  setTierPrice(
    @Ctx() ctx: RequestContext,
    @Args('skuCode') skuCode: string,
    @Args('tierCode') tierCode: string,
    @Args('priceFen', { type: () => Int, nullable: true }) priceFen: number | null,
  ) {
    if (priceFen !== null && (!Number.isInteger(priceFen) || priceFen < 0 || priceFen > 100_000_000))
      throw invalidField('priceFen', 'must be 0 to 100000000 fen');
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(tierCode)) throw invalidField('tierCode', 'must be a tier code such as gold');
    return this.pricingService.setTierPrice(ctx, skuCode, tierCode, priceFen);
  }

  @Roles('operator')
  @Mutation(() => CreatePromotionResult, { description: 'A flash sale, multi-buy or spend-and-save over SKUs in a time window.' })
  createPromotion(@Ctx() ctx: RequestContext, @Args('input') input: PromotionInput) {
    return this.promotionsService.createPromotion(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => CancelPromotionResult)
  cancelPromotion(@Ctx() ctx: RequestContext, @Args('code') code: string) {
    return this.promotionsService.cancelPromotion(ctx, code);
  }

  @Roles('operator', 'analyst')
  @Query(() => [Promotion])
  promotions(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('status', { type: () => PromotionStatus, nullable: true }) status?: PromotionStatus,
    @Args('skuCode', { type: () => String, nullable: true }) skuCode?: string,
  ): Promise<Promotion[]> {
    if (first < 1 || first > 200) throw invalidField('first', 'must be 1 to 200');
    return this.promotionsService.promotions(status, skuCode, first);
  }

  @Public()
  @Query(() => PriceQuoteResult, { description: 'Effective unit prices for a basket, explaining every promotion applied.' })
  priceQuote(@Ctx() ctx: RequestContext, @Args('input') input: PriceQuoteInput) {
    return this.pricingService.quote(input, !seesWholeRange(ctx));
  }
}
