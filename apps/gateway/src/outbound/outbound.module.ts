import { Module } from '@nestjs/common';
import { EndpointsService } from './endpoints.service';
import { OutboundDispatcher } from './outbound-dispatcher';
import { OutboundFanoutHandler } from './outbound-fanout.handler';
import { WebhookSender } from './webhook-sender';

/** Outbound webhooks: subscribers, fan-out from the outbox, signed deliveries with retries. */
@Module({
  providers: [
    EndpointsService,
    OutboundFanoutHandler,
    OutboundDispatcher,
    WebhookSender,
  ],
  exports: [EndpointsService],
})
export class OutboundModule {}
