import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { ProbeModule } from './probe.module';

/** The probe service as its own process, so a test can kill -9 it mid-job. */
void runService({ service: 'catalog', module: (config) => ProbeModule.forRoot(config) });
