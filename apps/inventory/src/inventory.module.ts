import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { Location } from './locations/location.entity';
import { LocationsModule } from './locations/locations.module';
import { FlashSalesModule } from './flash-sales/flash-sales.module';
import { LimitedRunsModule } from './limited-runs/limited-runs.module';
import { StockModule } from './stock/stock.module';
import { ReservationsModule } from './reservations/reservations.module';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { AnalysisModule } from './analysis/analysis.module';
import { ChannelSyncModule } from './channel-sync/channel-sync.module';
import { ShipmentsModule } from './shipments/shipments.module';
import { SuppliersModule } from './suppliers/suppliers.module';
import { TransfersModule } from './transfers/transfers.module';
import { ForecastModule } from './forecast/forecast.module';
import { INVENTORY_MIGRATIONS } from './migrations';
import { ReplenishmentModule } from './replenishment/replenishment.module';
import { RoutingModule } from './routing/routing.module';
import { KnownSku } from './skus/known-sku.entity';
import { SkusModule } from './skus/skus.module';
import { SkuReference } from './stock/sku-stock-fields.resolver';
import { StockLevel } from './stock/stock-level.entity';
import { StockMovement } from './stock/stock-movement.entity';

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
        LocationsModule,
        SkusModule,
        RoutingModule,
        ForecastModule,
        ReplenishmentModule,
        StockModule,
        ReservationsModule,
        AfterSalesModule,
        FlashSalesModule,
        LimitedRunsModule,
        TransfersModule,
        SuppliersModule,
        ShipmentsModule,
        ChannelSyncModule,
        AnalysisModule,
      ],
    };
  }
}
