import { Args, createUnionType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { STAFF } from '../roles';
import { AfterSalesCase, CaseActionInput, IllegalCaseActionError, OpenCaseInput, OrderNotShippedError, RefundExceedsOrderError } from './after-sales.model';
import { AfterSalesService } from './after-sales.service';

export const OpenCaseResult = createUnionType({
  name: 'OpenCaseResult',
  types: () => [AfterSalesCase, NotFoundError, RefundExceedsOrderError, OrderNotShippedError] as const,
  resolveType: byResultClass,
});
export const CaseActionResult = createUnionType({
  name: 'CaseActionResult',
  types: () => [AfterSalesCase, NotFoundError, IllegalCaseActionError] as const,
  resolveType: byResultClass,
});

@Resolver(() => AfterSalesCase)
export class AfterSalesResolver {
  constructor(private readonly afterSalesService: AfterSalesService) {}

  @Roles(...STAFF)
  @Mutation(() => OpenCaseResult, { description: 'Opens a return, refund-only or exchange case; trusted members’ small claims are fast-tracked.' })
  openAfterSalesCase(@Ctx() ctx: RequestContext, @Args('input') input: OpenCaseInput) {
    return this.afterSalesService.open(ctx, input);
  }

  @Roles(...STAFF, 'warehouse')
  @Mutation(() => CaseActionResult, {
    description: 'approve, reject, book-pickup, receive (stock back via inventory), refund, reship (replacement out of stock), cancel',
  })
  actOnAfterSalesCase(@Ctx() ctx: RequestContext, @Args('input') input: CaseActionInput) {
    return this.afterSalesService.act(ctx, input);
  }

  @Roles(...STAFF, 'analyst')
  @Query(() => [AfterSalesCase])
  afterSalesCases(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('status', { type: () => String, nullable: true }) status?: string,
    @Args('orderId', { type: () => String, nullable: true }) orderId?: string,
  ) {
    if (first < 1 || first > 200) throw invalidField('first', 'must be 1 to 200');
    return this.afterSalesService.cases({ status, orderId }, first);
  }
}
