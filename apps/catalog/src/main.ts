import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { CatalogModule } from './catalog.module';

void runService({ service: 'catalog', module: (config) => CatalogModule.forRoot(config) });
