import { Module } from '@nestjs/common';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { NearestLocationRouting, NearestWithSplitRouting, STOCK_ROUTING } from './stock-routing.strategy';

/** Where a reservation line ships from: the strategy chosen once at start from configuration. */
@Module({
  providers: [
    {
      provide: STOCK_ROUTING,
      inject: [INVENTORY_CONFIG],
      useFactory: (config: InventoryConfig) => (config.routing === 'nearest-split' ? new NearestWithSplitRouting() : new NearestLocationRouting()),
    },
  ],
  exports: [STOCK_ROUTING],
})
export class RoutingModule {}
