import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { DeliveryPrivacyHandler } from './delivery-privacy.handler';
import { WebhookIngestService } from './webhook-ingest.service';
import { WebhooksController } from './webhooks.controller';

@Module({
  providers: [WebhookIngestService, DeliveryPrivacyHandler],
  exports: [WebhookIngestService],
})
export class WebhooksModule {
  /** The ingress route only in processes that serve clients. */
  static forRole(role: ServiceRole): DynamicModule {
    return { module: WebhooksModule, controllers: isApiRole(role) ? [WebhooksController] : [] };
  }
}
