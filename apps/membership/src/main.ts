import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { MembershipModule } from './membership.module';

void runService({ service: 'membership', module: (config) => MembershipModule.forRoot(config) });
