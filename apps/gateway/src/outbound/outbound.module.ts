import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { EndpointsService } from './endpoints.service';
import { OutboundDispatcher } from './outbound-dispatcher';
import { OutboundFanoutHandler } from './outbound-fanout.handler';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookSender } from './webhook-sender';

/** Outbound webhooks: subscribers, fan-out from the outbox, signed deliveries with retries. */
@Module({
  providers: [EndpointsService, OutboundFanoutHandler, OutboundDispatcher, WebhookSender],
  exports: [EndpointsService],
})
export class OutboundModule {
  /** The subscribers' REST routes only in processes that serve clients. */
  static forRole(role: ServiceRole): DynamicModule {
    return { module: OutboundModule, controllers: isApiRole(role) ? [WebhookEndpointsController] : [] };
  }
}
