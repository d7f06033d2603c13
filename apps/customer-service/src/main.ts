import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { CUSTOMER_SERVICE_CONFIG_SECTIONS } from './customer-service.config';
import { CustomerServiceModule } from './customer-service.module';

void runService({ service: 'customer-service', config: CUSTOMER_SERVICE_CONFIG_SECTIONS, module: (config) => CustomerServiceModule.forRoot(config) });
