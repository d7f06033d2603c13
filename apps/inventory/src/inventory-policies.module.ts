import { Global, Module } from '@nestjs/common';
import { INVENTORY_CONFIG, type InventoryConfig } from './inventory.config';
import { NearestLocationRouting, NearestWithSplitRouting, STOCK_ROUTING } from './routing/stock-routing.strategy';

/** Inventory's swappable strategies, chosen once at start from its configuration. */
@Global()
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
export class InventoryPoliciesModule {}
