import { Args, createUnionType, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { PurchaseOrdersService } from './purchase-orders.service';
import {
  BelowMinimumOrderError,
  CreatePurchaseOrderInput,
  PurchaseOrder,
  PurchaseOrderProgressInput,
  PurchaseOrderStatus,
  ReceiveExceedsOrderedError,
  ReceivePurchaseOrderInput,
} from './supplier.model';

export const CreatePurchaseOrderResult = createUnionType({
  name: 'CreatePurchaseOrderResult',
  types: () => [PurchaseOrder, NotFoundError, BelowMinimumOrderError] as const,
  resolveType: (v: object) => v.constructor,
});
export const PurchaseOrderChangeResult = createUnionType({
  name: 'PurchaseOrderChangeResult',
  types: () => [PurchaseOrder, NotFoundError, InvalidStateError, ReceiveExceedsOrderedError] as const,
  resolveType: (v: object) => v.constructor,
});

const BUYERS = ['operator', 'warehouse'] as const;

@Resolver(() => PurchaseOrder)
export class PurchaseOrdersResolver {
  constructor(private readonly purchaseOrderService: PurchaseOrdersService) {}

  @Roles(...BUYERS, 'analyst')
  @Query(() => [PurchaseOrder], { description: 'Purchase orders, newest first.' })
  purchaseOrders(@Args('status', { type: () => PurchaseOrderStatus, nullable: true }) status?: PurchaseOrderStatus) {
    return this.purchaseOrderService.list(status);
  }

  @Roles('operator')
  @Mutation(() => CreatePurchaseOrderResult, { description: 'A draft purchase order; quantities must meet the supplier MOQ.' })
  createPurchaseOrder(@Ctx() ctx: RequestContext, @Args('input') input: CreatePurchaseOrderInput) {
    return this.purchaseOrderService.create(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => [PurchaseOrder], { description: 'Drafts purchase orders from every open replenishment suggestion, per primary supplier.' })
  draftPurchaseOrdersFromSuggestions(@Ctx() ctx: RequestContext) {
    return this.purchaseOrderService.draftFromSuggestions(ctx);
  }

  @Roles('operator')
  @Mutation(() => PurchaseOrderChangeResult)
  sendPurchaseOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.purchaseOrderService.transition(ctx, id, 'send');
  }

  @Roles('operator')
  @Mutation(() => PurchaseOrderChangeResult, { description: 'The supplier confirmed the order.' })
  confirmPurchaseOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.purchaseOrderService.transition(ctx, id, 'confirm');
  }

  @Roles('operator')
  @Mutation(() => PurchaseOrderChangeResult)
  cancelPurchaseOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.purchaseOrderService.transition(ctx, id, 'cancel');
  }

  @Roles('operator')
  @Mutation(() => PurchaseOrderChangeResult, { description: 'Production progress as the supplier reports it.' })
  updatePurchaseOrderProgress(@Ctx() ctx: RequestContext, @Args('input') input: PurchaseOrderProgressInput) {
    return this.purchaseOrderService.updateProgress(ctx, input);
  }

  @Roles('warehouse')
  @Mutation(() => PurchaseOrderChangeResult, { description: 'Receives goods of a purchase order into stock; never more than outstanding.' })
  receivePurchaseOrder(@Ctx() ctx: RequestContext, @Args('input') input: ReceivePurchaseOrderInput) {
    return this.purchaseOrderService.receive(ctx, input);
  }
}
