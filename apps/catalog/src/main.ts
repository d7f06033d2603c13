import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { CATALOG_CONFIG_SECTIONS } from './catalog.config';
import { CatalogModule } from './catalog.module';

void runService({ service: 'catalog', config: CATALOG_CONFIG_SECTIONS, module: (config) => CatalogModule.forRoot(config) });
