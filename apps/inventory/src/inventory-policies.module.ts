import { Global, Module } from '@nestjs/common';
import { INVENTORY_CONFIG, loadInventoryConfig, type InventoryConfig } from './inventory.config';
import { NearestLocationRouting, NearestWithSplitRouting, STOCK_ROUTING } from './routing/stock-routing.strategy';

/** Inventory's configuration and its swappable strategies, chosen once at start. */
@Global()
@Module({
  providers: [
    { provide: INVENTORY_CONFIG, useFactory: () => loadInventoryConfig() },
    {
      provide: STOCK_ROUTING,
      inject: [INVENTORY_CONFIG],
      useFactory: (config: InventoryConfig) => (config.routing === 'nearest-split' ? new NearestWithSplitRouting() : new NearestLocationRouting()),
    },
  ],
  exports: [INVENTORY_CONFIG, STOCK_ROUTING],
})
export class InventoryPoliciesModule {}
