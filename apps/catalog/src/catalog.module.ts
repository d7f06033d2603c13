import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { CatalogDomainModule } from './catalog-domain.module';
import { CATALOG_MIGRATIONS } from './migrations';
import { Product } from './products/product.entity';
import { Sku } from './products/sku.entity';

export const CATALOG_ENTITIES = [Product, Sku];

@Module({})
export class CatalogModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: CatalogModule,
      imports: [
        PlatformModule.forService(config, { entities: CATALOG_ENTITIES, migrations: CATALOG_MIGRATIONS }),
        CatalogDomainModule,
      ],
    };
  }
}
