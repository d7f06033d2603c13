import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { InventoryModule } from './inventory.module';

void runService({ service: 'inventory', module: (config) => InventoryModule.forRoot(config) });
