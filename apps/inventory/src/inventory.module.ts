import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { Location } from './locations/location.entity';
import { LocationsModule } from './locations/locations.module';
import { InventoryPoliciesModule } from './inventory-policies.module';
import { INVENTORY_MIGRATIONS } from './migrations';
import { ReservationsModule } from './reservations/reservations.module';
import { AnalysisModule } from './analysis/analysis.module';
import { ChannelSyncModule } from './channel-sync/channel-sync.module';
import { ShipmentsModule } from './shipments/shipments.module';
import { SuppliersModule } from './suppliers/suppliers.module';
import { TransfersModule } from './transfers/transfers.module';
import { KnownSku } from './skus/known-sku.entity';
import { SkusModule } from './skus/skus.module';
import { StockLevel } from './stock/stock-level.entity';
import { StockMovement } from './stock/stock-movement.entity';
import { SkuReference } from './stock/sku-stock.resolver';
import { StockModule } from './stock/stock.module';

export const INVENTORY_ENTITIES = [Location, KnownSku, StockLevel, StockMovement];

@Module({})
export class InventoryModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: InventoryModule,
      imports: [
        PlatformModule.forService(config, {
          entities: INVENTORY_ENTITIES,
          migrations: INVENTORY_MIGRATIONS,
          orphanedTypes: [SkuReference],
        }),
        InventoryPoliciesModule,
        LocationsModule,
        SkusModule,
        StockModule,
        ReservationsModule,
        TransfersModule,
        SuppliersModule,
        ShipmentsModule,
        ChannelSyncModule,
        AnalysisModule,
      ],
    };
  }
}
