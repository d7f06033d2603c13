import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { GATEWAY_MIGRATIONS } from './migrations';
import { OutboundAttempt, OutboundMessage, WebhookEndpoint } from './outbound/outbound.entities';
import { OutboundModule } from './outbound/outbound.module';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { TrackedEventsService } from './tracking/tracked-events.service';
import { WebhooksModule } from './webhooks/webhooks.module';

export const GATEWAY_ENTITIES = [WebhookDelivery, WebhookEndpoint, OutboundMessage, OutboundAttempt];

@Module({})
export class GatewayModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService(config, { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS, subgraph: false }),
        WebhooksModule,
        OutboundModule,
      ],
      providers: [TrackedEventsService],
    };
  }
}
