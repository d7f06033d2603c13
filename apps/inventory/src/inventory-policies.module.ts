import { Global, Module } from '@nestjs/common';
import { INVENTORY_CONFIG, loadInventoryConfig } from './inventory.config';

/** Inventory's configuration, read once at start and shared by every folder. */
@Global()
@Module({
  providers: [{ provide: INVENTORY_CONFIG, useFactory: () => loadInventoryConfig() }],
  exports: [INVENTORY_CONFIG],
})
export class InventoryPoliciesModule {}
