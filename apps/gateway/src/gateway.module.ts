import { Module, type DynamicModule } from '@nestjs/common';
import { BEARER_TOKEN_SECRET, PlatformModule, type PlatformConfig } from '@shopops/platform';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG } from './gateway-config.module';
import { GATEWAY_MIGRATIONS } from './migrations';
import { OutboundAttempt, OutboundMessage, WebhookEndpoint } from './outbound/outbound.entities';
import { OutboundModule } from './outbound/outbound.module';
import { SignInModule } from './auth/sign-in.module';
import { ReportsModule } from './reports/reports.module';
import { TrackingModule } from './tracking/tracking.module';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhooksModule } from './webhooks/webhooks.module';

export const GATEWAY_ENTITIES = [WebhookDelivery, WebhookEndpoint, OutboundMessage, OutboundAttempt];

@Module({})
export class GatewayModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService(config, { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS, subgraph: false }),
        WebhooksModule.forRole(config.role),
        OutboundModule.forRole(config.role),
        TrackingModule.forRole(config.role),
        ReportsModule.forRole(config.role),
        SignInModule.forRole(config.role),
      ],
      // The BearerAuthGuard checks client tokens against the gateway's JWT secret.
      providers: [{ provide: BEARER_TOKEN_SECRET, inject: [GATEWAY_CONFIG], useFactory: (gateway: GatewayConfig) => gateway.jwtSecret }],
    };
  }
}
