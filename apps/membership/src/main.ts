import 'reflect-metadata';
import { runService } from '@shopops/platform';
import { MEMBERSHIP_CONFIG_SECTIONS } from './membership.config';
import { MembershipModule } from './membership.module';

void runService({ service: 'membership', config: MEMBERSHIP_CONFIG_SECTIONS, module: (config) => MembershipModule.forRoot(config) });
