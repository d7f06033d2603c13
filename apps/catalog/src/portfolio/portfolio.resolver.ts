import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { PortfolioRole, Product } from '../products/product.entity';
import { ProductsService } from '../products/products.service';
import { PortfolioMix, PortfolioService } from './portfolio.service';

export const SetPortfolioRoleResult = createUnionType({ name: 'SetPortfolioRoleResult', types: () => [Product, NotFoundError, InvalidStateError] as const, resolveType: byResultClass });

@Resolver()
export class PortfolioResolver {
  constructor(
    private readonly portfolioService: PortfolioService,
    private readonly productsService: ProductsService,
  ) {}

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
