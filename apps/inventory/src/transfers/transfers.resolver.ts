import { Args, createUnionType, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { RequestTransferInput, StockTransfer, TransferExceedsAvailableError, TransferStatus } from './transfer.model';
import { TransfersService } from './transfers.service';

export const TransferResult = createUnionType({
  name: 'TransferResult',
  types: () => [StockTransfer, NotFoundError, InvalidStateError, TransferExceedsAvailableError] as const,
  resolveType: (value: object) => value.constructor,
});

@Resolver(() => StockTransfer)
export class TransfersResolver {
  constructor(private readonly transferService: TransfersService) {}

  @Roles('warehouse', 'operator')
  @Mutation(() => TransferResult, { description: '动态调拨: asks to move units between locations; they are held at the source.' })
  requestTransfer(@Ctx() ctx: RequestContext, @Args('input') input: RequestTransferInput) {
    return this.transferService.request(ctx, input);
  }

  @Roles('warehouse')
  @Mutation(() => TransferResult, { description: 'The transfer left the source location.' })
  dispatchTransfer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.transferService.dispatch(ctx, id);
  }

  @Roles('warehouse')
  @Mutation(() => TransferResult, { description: 'The transfer arrived at its destination.' })
  receiveTransfer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.transferService.receive(ctx, id);
  }

  @Roles('warehouse', 'operator')
  @Mutation(() => TransferResult, { description: 'Cancels a transfer that has not left yet.' })
  cancelTransfer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.transferService.cancel(ctx, id);
  }

  @Roles('warehouse', 'operator', 'analyst')
  @Query(() => [StockTransfer], { description: 'Recent transfers, newest first.' })
  transfers(@Args('status', { type: () => TransferStatus, nullable: true }) status?: TransferStatus) {
    return this.transferService.list(status);
  }
}
