import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { DuplicateOrderError, InsufficientStockError, OrderKeyInput, Reservation, ReserveStockInput, UnknownSkuError } from './reservation.model';
import { ReservationsService, type ReserveStockOutcome } from './reservations.service';
import { checkReserveStockInput, type ReserveStockFields } from './reserve-stock-input';

export const ReserveStockResult = createUnionType({
  name: 'ReserveStockResult',
  types: () => [Reservation, InsufficientStockError, UnknownSkuError, DuplicateOrderError] as const,
  resolveType: (value: object) => value.constructor,
});

export const ReservationChangeResult = createUnionType({
  name: 'ReservationChangeResult',
  types: () => [Reservation, NotFoundError, InvalidStateError] as const,
  resolveType: (value: object) => value.constructor,
});

const READERS = ['operator', 'warehouse', 'cs_agent', 'analyst'] as const;

@Resolver(() => Reservation)
export class ReservationsResolver {
  constructor(private readonly reservations: ReservationsService) {}

  @Roles(...READERS)
  @Query(() => Reservation, { nullable: true, description: 'The reservation of a channel order, e.g. ("taobao", "TB20261111000001").' })
  reservation(@Args('channel') channel: string, @Args('orderId') orderId: string): Promise<Reservation | null> {
    return this.reservations.find(channel, orderId);
  }

  @Roles('operator')
  @Mutation(() => ReserveStockResult, {
    description: 'Reserves stock for an own-mall order: all lines or none, idempotent by (channel, orderId).',
  })
  reserveStock(
    @Ctx() ctx: RequestContext,
    // An interface, not the class: the global class-validator pipe passes it by, checkReserveStockInput checks it.
    @Args('input', { type: () => ReserveStockInput }) input: ReserveStockFields,
  ): Promise<ReserveStockOutcome> {
    checkReserveStockInput(input);
    return this.reservations.reserveStock(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => ReservationChangeResult, { description: 'The order was paid: its stock stays held past the payment window.' })
  markReservationPaid(@Ctx() ctx: RequestContext, @Args('input') input: OrderKeyInput) {
    return this.reservations.recordOrderFact(ctx, input.channel, input.orderId, 'paid');
  }

  @Roles('warehouse', 'operator')
  @Mutation(() => ReservationChangeResult, { description: 'The order shipped: reserved units leave on hand.' })
  commitReservation(@Ctx() ctx: RequestContext, @Args('input') input: OrderKeyInput) {
    return this.reservations.recordOrderFact(ctx, input.channel, input.orderId, 'shipped');
  }

  @Roles('operator')
  @Mutation(() => ReservationChangeResult, { description: 'The order was cancelled before shipping: its units are free again.' })
  releaseReservation(@Ctx() ctx: RequestContext, @Args('input') input: OrderKeyInput) {
    return this.reservations.recordOrderFact(ctx, input.channel, input.orderId, 'cancelled');
  }
}
