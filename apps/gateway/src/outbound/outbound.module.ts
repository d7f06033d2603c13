import { Module } from '@nestjs/common';
import { EndpointsService } from './endpoints.service';
import { OutboundDispatcher } from './outbound-dispatcher';
import { OutboundFanoutHandler } from './outbound-fanout.handler';
import { loadOutboundConfig } from './outbound.config';
import { OUTBOUND_CONFIG } from './outbound.tokens';
import { WebhookSender } from './webhook-sender';

/** Outbound webhooks: subscribers, fan-out from the outbox, signed deliveries with retries. */
@Module({
  providers: [
    { provide: OUTBOUND_CONFIG, useFactory: () => loadOutboundConfig() },
    EndpointsService,
    OutboundFanoutHandler,
    OutboundDispatcher,
    WebhookSender,
  ],
  exports: [EndpointsService],
})
export class OutboundModule {}
