import { Module, type DynamicModule } from '@nestjs/common';
import { isApiRole, type ServiceRole } from '@shopops/platform';
import { DeliveryPrivacyHandler } from './delivery-privacy.handler';
import { WebhookDeliveryStore } from './webhook-delivery-store';
import { WebhookIngestService } from './webhook-ingest.service';
import { WebhookRoute } from './webhook-route';

@Module({
  providers: [WebhookIngestService, WebhookDeliveryStore, DeliveryPrivacyHandler],
  exports: [WebhookIngestService],
})
export class WebhooksModule {
  /** The ingress route only in processes that serve clients. */
  static forRole(role: ServiceRole): DynamicModule {
    return { module: WebhooksModule, providers: isApiRole(role) ? [WebhookRoute] : [] };
  }
}
