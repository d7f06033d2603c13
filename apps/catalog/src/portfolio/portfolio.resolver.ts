import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { PortfolioRole, Product } from '../products/product.entity';
import { ProductsService } from '../products/products.service';
import { PortfolioMix, RoleSuggestion } from './portfolio.model';
import { PortfolioService } from './portfolio.service';
import { RoleSuggestionsService } from './role-suggestions.service';

export const SetPortfolioRoleResult = createUnionType({
  name: 'SetPortfolioRoleResult',
  types: () => [Product, NotFoundError, InvalidStateError] as const,
  resolveType: byResultClass,
});

@Resolver()
export class PortfolioResolver {
  constructor(
    private readonly portfolioService: PortfolioService,
    private readonly productsService: ProductsService,
    private readonly suggestions: RoleSuggestionsService,
  ) {}

  @Roles('operator', 'analyst')
  @Query(() => [RoleSuggestion], { description: 'Role changes suggested by other services’ signals (slow-moving stock → clearance)' })
  portfolioSuggestions(@Args('status', { type: () => String, defaultValue: 'OPEN' }) status: string): Promise<RoleSuggestion[]> {
    if (!['OPEN', 'ACCEPTED', 'DISMISSED'].includes(status)) throw invalidField('status', 'must be OPEN, ACCEPTED or DISMISSED');
    return this.suggestions.list(status);
  }

  @Roles('operator')
  @Mutation(() => SetPortfolioRoleResult, { description: 'Accepts the open suggestion for a product: its role changes.' })
  acceptPortfolioSuggestion(@Ctx() ctx: RequestContext, @Args('productCode') productCode: string) {
    return this.suggestions.decide(ctx, productCode, true);
  }

  @Roles('operator')
  @Mutation(() => SetPortfolioRoleResult, { description: 'Dismisses the open suggestion for a product.' })
  dismissPortfolioSuggestion(@Ctx() ctx: RequestContext, @Args('productCode') productCode: string) {
    return this.suggestions.decide(ctx, productCode, false);
  }

  @Roles('operator', 'analyst')
  @Query(() => PortfolioMix, { description: 'The live range by role against the target mix (default 40/30/20/10), and the bestseller share' })
  portfolioMix(): Promise<PortfolioMix> {
    return this.portfolioService.mix();
  }

  @Roles('operator')
  @Mutation(() => SetPortfolioRoleResult)
  setPortfolioRole(@Ctx() ctx: RequestContext, @Args('code') code: string, @Args('role', { type: () => PortfolioRole }) role: PortfolioRole) {
    return this.productsService.updateProduct(ctx, { code, portfolioRole: role });
  }
}
