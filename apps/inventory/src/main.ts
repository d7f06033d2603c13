import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { INVENTORY_CONFIG_SECTIONS } from './inventory.config';
import { InventoryModule } from './inventory.module';

void runService({ service: 'inventory', config: INVENTORY_CONFIG_SECTIONS, module: (config) => InventoryModule.forRoot(config) });
