import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { CustomerServiceModule } from './customer-service.module';

void runService({ service: 'customer-service', module: (config) => CustomerServiceModule.forRoot(config) });
