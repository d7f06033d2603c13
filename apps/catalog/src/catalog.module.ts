import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { CollectionsModule } from './collections/collections.module';
import { ImportsModule } from './imports/imports.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { MediaModule } from './media/media.module';
import { CATALOG_MIGRATIONS } from './migrations';
import { PortfolioModule } from './portfolio/portfolio.module';
import { PricingModule } from './pricing/pricing.module';
import { Product } from './products/product.entity';
import { ProductsModule } from './products/products.module';
import { Sku } from './products/sku.entity';
import { SalesModule } from './sales/sales.module';
import { SearchModule } from './search/search.module';

export const CATALOG_ENTITIES = [Product, Sku];

@Module({})
export class CatalogModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: CatalogModule,
      imports: [
        PlatformModule.forService(config, { entities: CATALOG_ENTITIES, migrations: CATALOG_MIGRATIONS }),
        ProductsModule,
        SearchModule,
        LifecycleModule,
        MediaModule,
        PortfolioModule,
        PricingModule,
        CollectionsModule,
        ImportsModule,
        SalesModule,
      ],
    };
  }
}
