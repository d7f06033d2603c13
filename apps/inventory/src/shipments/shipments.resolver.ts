import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { Shipment } from './shipment.model';
import { ShipmentsService } from './shipments.service';

@Resolver(() => Shipment)
export class ShipmentsResolver {
  constructor(private readonly shipmentService: ShipmentsService) {}

  @Roles('warehouse', 'operator', 'cs_agent')
  @Query(() => [Shipment], { description: 'Parcels of a channel order with their tracking.' })
  shipmentsForOrder(@Args('channel') channel: string, @Args('orderId') orderId: string) {
    return this.shipmentService.forOrder(channel, orderId);
  }

  @Roles('warehouse', 'operator', 'cs_agent', 'analyst')
  @Query(() => [Shipment], { description: 'Shipments delivered late or still out past their promise.' })
  lateShipments() {
    return this.shipmentService.late();
  }
}
