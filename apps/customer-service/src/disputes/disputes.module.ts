import { Module } from '@nestjs/common';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { DISPUTE_POLICY, GradedDisputePolicy } from './dispute.policy';
import { DisputesResolver } from './disputes.resolver';
import { DisputesService } from './disputes.service';

@Module({
  providers: [
    { provide: DISPUTE_POLICY, inject: [CUSTOMER_SERVICE_CONFIG], useFactory: (c: CustomerServiceConfig) => new GradedDisputePolicy(c.dispute) },
    DisputesService,
    DisputesResolver,
  ],
})
export class DisputesModule {}
